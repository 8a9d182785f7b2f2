package dev.chimney.remote.protocol;

import dev.chimney.host.Api;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every operation of the protocol, by the name it carries in a message's {@code "op"}. Calls go
 * from the harness to the target in a {@code "call"} message and are answered by one {@code
 * "return"}; upcalls go from the target to the harness in an {@code "upcall"} message, and only
 * {@link #TCP_OFFLOAD_RECEIVE_INDICATE} is answered (by a {@code "reply"}). Each is specified in
 * {@code docs/target-protocol.md}.
 *
 * <p>An operation that carries a crossing of the chimney interface names its {@link Api}, which
 * gives its NDIS name and its direction; the others (an instance's life, the wire) are the
 * protocol's own. The wire name is the constant's name in lower camel case ({@code
 * INITIATE_OFFLOAD} is {@code "initiateOffload"}); {@code OpTest} holds it to the document.
 */
public enum Op {
  // ---- calls: harness to target, each answered by a "return"
  /** Creates a target instance for one scenario ({@code OffloadTargetProvider.create}). */
  CREATE(true),
  INITIATE_OFFLOAD(Api.INITIATE_OFFLOAD),
  TERMINATE_OFFLOAD(Api.TERMINATE_OFFLOAD),
  TCP_OFFLOAD_SEND(Api.TCP_OFFLOAD_SEND),
  TCP_OFFLOAD_RECEIVE(Api.TCP_OFFLOAD_RECEIVE),
  TCP_OFFLOAD_RECEIVE_RETURN(Api.TCP_OFFLOAD_RECEIVE_RETURN),
  TCP_OFFLOAD_DISCONNECT(Api.TCP_OFFLOAD_DISCONNECT),
  TCP_OFFLOAD_FORWARD(Api.TCP_OFFLOAD_FORWARD),
  /** A packet of the host's to put on the wire. */
  SEND_NET_BUFFER_LISTS(Api.SEND_NET_BUFFER_LISTS),
  /** A packet from the wire for the target. */
  RECEIVE_FROM_WIRE(true),
  /** Asks the target to indicate UPLOAD_ALL. */
  REQUEST_UPLOAD_ALL(Api.REQUEST_UPLOAD_ALL),
  /** Asks the target to request the termination of one connection. */
  REQUEST_RETRIEVE(Api.REQUEST_RETRIEVE),
  /** {@code MiniportHaltEx}: the instance's scenario is over. */
  CLOSE(true),

  // ---- upcalls: target to harness
  INITIATE_OFFLOAD_COMPLETE(Api.INITIATE_OFFLOAD_COMPLETE),
  TERMINATE_OFFLOAD_COMPLETE(Api.TERMINATE_OFFLOAD_COMPLETE),
  TCP_OFFLOAD_SEND_COMPLETE(Api.TCP_OFFLOAD_SEND_COMPLETE),
  TCP_OFFLOAD_RECEIVE_COMPLETE(Api.TCP_OFFLOAD_RECEIVE_COMPLETE),
  /** Answered by a "reply" with the bytes consumed. */
  TCP_OFFLOAD_RECEIVE_INDICATE(Api.TCP_OFFLOAD_RECEIVE_INDICATE),
  TCP_OFFLOAD_DISCONNECT_COMPLETE(Api.TCP_OFFLOAD_DISCONNECT_COMPLETE),
  TCP_OFFLOAD_FORWARD_COMPLETE(Api.TCP_OFFLOAD_FORWARD_COMPLETE),
  TCP_OFFLOAD_EVENT(Api.TCP_OFFLOAD_EVENT),
  INDICATE_STATUS(Api.INDICATE_STATUS),
  /** A packet for the host's ordinary receive path. */
  INDICATE_RECEIVE_NET_BUFFER_LISTS(Api.INDICATE_RECEIVE_NET_BUFFER_LISTS),
  /** {@code Link.transmit}: a packet of the target's onto the wire. */
  TRANSMIT(false);

  /** The message types: the {@code "type"} of every frame. */
  public static final String HELLO = "hello";
  public static final String CALL = "call";
  public static final String RETURN = "return";
  public static final String UPCALL = "upcall";
  public static final String REPLY = "reply";
  public static final String ERROR = "error";

  private static final Map<String, Op> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(Op::wireName, Function.identity()));

  private final Api api;
  private final boolean call;
  private final String wireName;

  Op(Api api) {
    this(api, api.hostToTarget());
  }

  Op(boolean call) {
    this(null, call);
  }

  Op(Api api, boolean call) {
    this.api = api;
    this.call = call;
    this.wireName = lowerCamel(name());
  }

  private static String lowerCamel(String constant) {
    StringBuilder camel = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      camel.append(camel.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return camel.toString();
  }

  /** The name in a message's {@code "op"}. */
  public String wireName() {
    return wireName;
  }

  /** The crossing of the chimney interface it carries, or null for one of the protocol's own. */
  public Api api() {
    return api;
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
