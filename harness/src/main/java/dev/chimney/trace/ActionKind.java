package dev.chimney.trace;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The host-stack actions a manifest can place in a capture, by the name the manifest's {@code do:} uses. */
public enum ActionKind {
  /** MiniportInitiateOffload of the connection, completed at once; delegated state as the wire shows it. */
  OFFLOAD("offload"),
  /** MiniportTcpOffloadSend of {@code bytes} bytes, NET_BUFFER_LIST {@code id}. */
  SEND("send"),
  /** NdisTcpOffloadSendComplete of the lists {@code ids} with {@code status}. */
  SEND_COMPLETE("send-complete"),
  /** MiniportTcpOffloadDisconnect, graceful, with {@code bytes} bytes of data (default none). */
  GRACEFUL_DISCONNECT("graceful-disconnect"),
  /** MiniportTcpOffloadDisconnect, abortive. */
  ABORTIVE_DISCONNECT("abortive-disconnect"),
  /** NdisTcpOffloadDisconnectComplete of the connection's pending disconnect with {@code status}. */
  DISCONNECT_COMPLETE("disconnect-complete"),
  /** MiniportSendNetBufferLists: the host's ordinary send path puts the next packet towards the peer on the wire. */
  HOST_SEND("host-send"),
  /**
   * MiniportTerminateOffload; with {@code delegated}, also NdisMTerminateOffloadComplete with that
   * state and {@code status}, which TOC-3 judges.
   */
  TERMINATE("terminate");

  private final String yamlName;

  ActionKind(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name in manifests. */
  public String yamlName() {
    return yamlName;
  }

  /** The kind named {@code name} in a manifest, or null. */
  public static ActionKind of(String name) {
    for (ActionKind k : values()) {
      if (k.yamlName.equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** Every manifest name, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(ActionKind::yamlName).collect(Collectors.joining(", "));
  }
}
