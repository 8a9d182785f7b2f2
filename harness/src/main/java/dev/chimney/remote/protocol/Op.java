package dev.chimney.remote.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every operation of the protocol, by the name it carries in a message's {@code "op"}. Calls go
 * from the harness to the target in a {@code "call"} message and are answered by one {@code
 * "return"}; upcalls go from the target to the harness in an {@code "upcall"} message, and only
 * {@link #TCP_OFFLOAD_RECEIVE_INDICATE} is answered (by a {@code "reply"}). Each is specified in
 * {@code docs/target-protocol.md}.
 */
public enum Op {
  // ---- calls: harness to target, each answered by a "return"
  /** Creates a target instance for one scenario ({@code OffloadTargetProvider.create}). */
  CREATE("create", true),
  /** {@code MiniportInitiateOffload}. */
  INITIATE_OFFLOAD("initiateOffload", true),
  /** {@code MiniportTerminateOffload}. */
  TERMINATE_OFFLOAD("terminateOffload", true),
  /** {@code MiniportTcpOffloadSend}. */
  TCP_OFFLOAD_SEND("tcpOffloadSend", true),
  /** {@code MiniportTcpOffloadReceive}. */
  TCP_OFFLOAD_RECEIVE("tcpOffloadReceive", true),
  /** {@code MiniportTcpOffloadReceiveReturn}. */
  TCP_OFFLOAD_RECEIVE_RETURN("tcpOffloadReceiveReturn", true),
  /** {@code MiniportTcpOffloadDisconnect}. */
  TCP_OFFLOAD_DISCONNECT("tcpOffloadDisconnect", true),
  /** {@code MiniportTcpOffloadForward}. */
  TCP_OFFLOAD_FORWARD("tcpOffloadForward", true),
  /** {@code MiniportSendNetBufferLists}: a packet of the host's to put on the wire. */
  SEND_NET_BUFFER_LISTS("sendNetBufferLists", true),
  /** A packet from the wire for the target. */
  RECEIVE_FROM_WIRE("receiveFromWire", true),
  /** Asks the target to indicate UPLOAD_ALL. */
  REQUEST_UPLOAD_ALL("requestUploadAll", true),
  /** Asks the target to request the termination of one connection. */
  REQUEST_RETRIEVE("requestRetrieve", true),
  /** {@code MiniportHaltEx}: the instance's scenario is over. */
  CLOSE("close", true),

  // ---- upcalls: target to harness
  /** {@code NdisMInitiateOffloadComplete}. */
  INITIATE_OFFLOAD_COMPLETE("initiateOffloadComplete", false),
  /** {@code NdisMTerminateOffloadComplete}. */
  TERMINATE_OFFLOAD_COMPLETE("terminateOffloadComplete", false),
  /** {@code NdisTcpOffloadSendComplete}. */
  TCP_OFFLOAD_SEND_COMPLETE("tcpOffloadSendComplete", false),
  /** {@code NdisTcpOffloadReceiveComplete}. */
  TCP_OFFLOAD_RECEIVE_COMPLETE("tcpOffloadReceiveComplete", false),
  /** {@code NdisTcpOffloadReceiveHandler}: answered by a "reply" with the bytes consumed. */
  TCP_OFFLOAD_RECEIVE_INDICATE("tcpOffloadReceiveIndicate", false),
  /** {@code NdisTcpOffloadDisconnectComplete}. */
  TCP_OFFLOAD_DISCONNECT_COMPLETE("tcpOffloadDisconnectComplete", false),
  /** {@code NdisTcpOffloadForwardComplete}. */
  TCP_OFFLOAD_FORWARD_COMPLETE("tcpOffloadForwardComplete", false),
  /** {@code NdisTcpOffloadEventHandler}. */
  TCP_OFFLOAD_EVENT("tcpOffloadEvent", false),
  /** {@code NdisMIndicateStatusEx}. */
  INDICATE_STATUS("indicateStatus", false),
  /** {@code NdisMIndicateReceiveNetBufferLists}: a packet for the host's ordinary receive path. */
  INDICATE_RECEIVE_NET_BUFFER_LISTS("indicateReceiveNetBufferLists", false),
  /** {@code Link.transmit}: a packet of the target's onto the wire. */
  TRANSMIT("transmit", false);

  /** The message types: the {@code "type"} of every frame. */
  public static final String HELLO = "hello";
  public static final String CALL = "call";
  public static final String RETURN = "return";
  public static final String UPCALL = "upcall";
  public static final String REPLY = "reply";
  public static final String ERROR = "error";

  private static final Map<String, Op> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(Op::wireName, Function.identity()));

  private final String wireName;
  private final boolean call;

  Op(String wireName, boolean call) {
    this.wireName = wireName;
    this.call = call;
  }

  /** The name in a message's {@code "op"}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the harness sends it (a call) rather than the target (an upcall). */
  public boolean isCall() {
    return call;
  }

  /**
   * The operation named {@code name}.
   *
   * @throws MessageException when there is none
   */
  public static Op of(String name) {
    Op op = BY_NAME.get(name);
    if (op == null) {
      throw new MessageException("unknown op \"" + name + "\"");
    }
    return op;
  }
}
