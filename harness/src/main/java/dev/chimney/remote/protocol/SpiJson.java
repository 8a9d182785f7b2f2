package dev.chimney.remote.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NeighborState;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadState;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpState;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The SPI's structures as JSON, both ways, as {@code docs/target-protocol.md} specifies them:
 * NET_BUFFER_LISTs and chains, block-list trees with their states, the delegated TCP state,
 * NDIS_STATUS codes, packets. Stateless; identity (which handle, which context, which list) is the
 * caller's, through {@link Identities}. Decoders throw {@link MessageException} naming the field.
 */
public final class SpiJson {
  private SpiJson() {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** How one side names the objects whose identity matters across messages. */
  public interface Identities {
    /** The number that stands for {@code handle} in messages. */
    long handleId(NdisOffloadHandle handle);

    /** What stands for a MiniportOffloadContext in messages: a number, or null for none. */
    JsonNode context(Object context);
  }

  // ---------------------------------------------------------------- statuses and packets

  /** The 32-bit NDIS_STATUS code, unsigned. */
  public static long code(NdisStatus status) {
    return Integer.toUnsignedLong(status.code());
  }

  /** The status whose code {@code node} holds. */
  public static NdisStatus status(JsonNode node, String field) {
    if (!node.isIntegralNumber()) {
      throw new MessageException("\"" + field + "\" is not an NDIS_STATUS code: " + node);
    }
    long code = node.asLong();
    for (NdisStatus s : NdisStatus.values()) {
      if (code(s) == code) {
        return s;
      }
    }
    throw new MessageException("\"" + field + "\": unknown NDIS_STATUS code 0x" + Long.toHexString(code));
  }

  /** Base64 of {@code bytes}. */
  public static String bytes(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The bytes of a base64 field. */
  public static byte[] bytes(JsonNode message, String field) {
    try {
      return Base64.getDecoder().decode(text(message, field));
    } catch (IllegalArgumentException e) {
      throw new MessageException("\"" + field + "\" is not base64: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- NET_BUFFER_LISTs

  /**
   * One list: id, status, and its buffers' capacities, with their data when {@code withData}.
   */
  public static ObjectNode nbl(NetBufferList list, boolean withData) {
    ObjectNode n = NODES.objectNode().put("id", list.id()).put("status", code(list.status()));
    ArrayNode buffers = n.putArray("buffers");
    for (NetBuffer b : list.buffers()) {
      ObjectNode buffer = buffers.addObject().put("capacity", b.capacity());
      if (withData) {
        buffer.put("data", bytes(b.data()));
      }
    }
    return n;
  }

  /** The lists of the chain at {@code head}, in order; an empty array for null. */
  public static ArrayNode chain(NetBufferList head, boolean withData) {
    ArrayNode a = NODES.arrayNode();
    for (NetBufferList l : NetBufferList.toList(head)) {
      a.add(nbl(l, withData));
    }
    return a;
  }

  /**
   * A new list from {@code node}: its id and status, each buffer its capacity (at least its data's
   * length) and its data (none when absent).
   */
  public static NetBufferList newNbl(JsonNode node) {
    List<NetBuffer> buffers = new ArrayList<>();
    for (JsonNode b : array(node, "buffers")) {
      byte[] data = b.has("data") ? bytes(b, "data") : new byte[0];
      int capacity = b.has("capacity") ? intValue(b, "capacity") : data.length;
      if (capacity < data.length || capacity > ProtocolLimits.MAX_FRAME_BYTES) {
        throw new MessageException("NBL " + node.path("id") + ": capacity " + capacity + " for " + data.length
            + " bytes of data");
      }
      NetBuffer buffer = NetBuffer.empty(capacity);
      buffer.append(data, 0, data.length);
      buffers.add(buffer);
    }
    if (buffers.isEmpty()) {
      throw new MessageException("NBL " + node.path("id") + " has no buffer");
    }
    NetBufferList l = new NetBufferList(longValue(node, "id"), buffers);
    l.setStatus(status(node.path("status"), "status"));
    return l;
  }

  /** Links the lists {@code resolve} makes of each element of {@code array} into a chain; null for none. */
  public static NetBufferList chain(JsonNode array, Function<JsonNode, NetBufferList> resolve) {
    if (array == null || array.isNull()) {
      return null;
    }
    if (!array.isArray()) {
      throw new MessageException("a chain of NBLs is not an array: " + array);
    }
    List<NetBufferList> lists = new ArrayList<>();
    for (JsonNode n : array) {
      lists.add(resolve.apply(n));
    }
    return NetBufferList.chain(lists);
  }

  // ---------------------------------------------------------------- block-list trees

  /** The tree at {@code root}: every node with its handle, name, type, status, context, state, chain and dependents. */
  public static ObjectNode tree(OffloadBlockList root, Identities ids, boolean withData) {
    ObjectNode n = NODES.objectNode()
        .put("handle", ids.handleId(root.ndisOffloadHandle()))
        .put("name", root.ndisOffloadHandle().toString())
        .put("type", root.stateType().name())
        .put("status", code(root.status()));
    n.set("context", ids.context(root.miniportOffloadContext()));
    n.set("state", state(root.state(), withData));
    n.set("nbls", chain(root.netBufferListChain(), withData));
    ArrayNode dependents = n.putArray("dependents");
    for (OffloadBlockList d : root.dependents()) {
      dependents.add(tree(d, ids, withData));
    }
    return n;
  }

  /** Every node of a tree message, parent first. */
  public static List<JsonNode> walk(JsonNode tree) {
    List<JsonNode> out = new ArrayList<>();
    out.add(tree);
    for (JsonNode d : tree.path("dependents")) {
      out.addAll(walk(d));
    }
    return out;
  }

  private static ObjectNode state(OffloadState state, boolean withData) {
    ObjectNode s = NODES.objectNode();
    if (state instanceof NeighborState n) {
      s.put("neighborAddress", n.neighborAddress().getHostAddress());
    } else if (state instanceof PathState p) {
      s.put("sourceAddress", p.sourceAddress().getHostAddress())
          .put("destinationAddress", p.destinationAddress().getHostAddress())
          .put("pathMtu", p.pathMtu());
    } else if (state instanceof TcpState t) {
      s.put("localPort", t.localPort()).put("remotePort", t.remotePort())
          .put("sndWindScale", t.sndWindScale()).put("rcvWindScale", t.rcvWindScale())
          .put("remoteMss", t.remoteMss()).put("initialRcvWnd", t.initialRcvWnd());
      s.set("delegated", delegated(t.delegated(), withData));
    }
    return s;
  }

  /**
   * The state of a tree node message, made anew; its delegated state's buffered data lists come
   * from {@code resolve}.
   */
  public static OffloadState state(JsonNode node, Function<JsonNode, NetBufferList> resolve) {
    JsonNode s = object(node, "state");
    String type = text(node, "type");
    return switch (type) {
      case "NEIGHBOR" -> new NeighborState(address(s, "neighborAddress"));
      case "PATH" -> new PathState(address(s, "sourceAddress"), address(s, "destinationAddress"),
          intValue(s, "pathMtu"));
      case "TCP" -> {
        TcpDelegatedState d = new TcpDelegatedState();
        applyDelegated(object(s, "delegated"), d, resolve);
        yield new TcpState(intValue(s, "localPort"), intValue(s, "remotePort"), intValue(s, "sndWindScale"),
            intValue(s, "rcvWindScale"), intValue(s, "remoteMss"), intValue(s, "initialRcvWnd"), d);
      }
      default -> throw new MessageException("\"type\": not NEIGHBOR, PATH or TCP: " + type);
    };
  }

  /** The delegated variables that are set, the RFC 793 state when set, the buffered data when any. */
  public static ObjectNode delegated(TcpDelegatedState d, boolean withData) {
    ObjectNode n = NODES.objectNode();
    if (d.state() != null) {
      n.put("state", d.state().name());
    }
    ObjectNode fields = n.putObject("fields");
    for (TcpDelegatedState.Field f : TcpDelegatedState.Field.values()) {
      d.get(f).ifPresent(v -> fields.put(f.name(), v));
    }
    n.set("bufferedData", chain(d.bufferedData(), withData));
    return n;
  }

  /**
   * Makes {@code target} hold exactly what {@code node} says: fields absent from it become unset.
   */
  public static void applyDelegated(JsonNode node, TcpDelegatedState target,
      Function<JsonNode, NetBufferList> resolve) {
    JsonNode fields = node.path("fields");
    for (TcpDelegatedState.Field f : TcpDelegatedState.Field.values()) {
      JsonNode v = fields.get(f.name());
      if (v == null || v.isNull()) {
        target.clear(f);
      } else if (v.isIntegralNumber()) {
        target.set(f, v.asLong());
      } else {
        throw new MessageException("delegated field " + f.name() + " is not a number: " + v);
      }
    }
    JsonNode state = node.get("state");
    try {
      target.setState(state == null || state.isNull() ? null : TcpConnectionState.valueOf(state.asText()));
    } catch (IllegalArgumentException e) {
      throw new MessageException("delegated \"state\": not a TCP state: " + state);
    }
    target.setBufferedData(chain(node.get("bufferedData"), resolve));
  }

  // ---------------------------------------------------------------- fields

  /** The text of a required field. */
  public static String text(JsonNode message, String field) {
    JsonNode v = message.get(field);
    if (v == null || !v.isTextual()) {
      throw new MessageException("field \"" + field + "\" is missing or not a string");
    }
    return v.asText();
  }

  /** The number of a required integral field. */
  public static long longValue(JsonNode message, String field) {
    JsonNode v = message.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new MessageException("field \"" + field + "\" is missing or not an integer");
    }
    return v.asLong();
  }

  /** The number of a required field that fits an int. */
  public static int intValue(JsonNode message, String field) {
    long v = longValue(message, field);
    if (v != (int) v) {
      throw new MessageException("field \"" + field + "\" is out of range: " + v);
    }
    return (int) v;
  }

  /** A required object field. */
  public static JsonNode object(JsonNode message, String field) {
    JsonNode v = message.get(field);
    if (v == null || !v.isObject()) {
      throw new MessageException("field \"" + field + "\" is missing or not an object");
    }
    return v;
  }

  /** A required array field. */
  public static JsonNode array(JsonNode message, String field) {
    JsonNode v = message.get(field);
    if (v == null || !v.isArray()) {
      throw new MessageException("field \"" + field + "\" is missing or not an array");
    }
    return v;
  }

  /** A required dotted IPv4 address field. */
  public static Inet4Address address(JsonNode s, String field) {
    String text = text(s, field);
    if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new MessageException("\"" + field + "\" is not a dotted IPv4 address: " + text);
    }
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (UnknownHostException | ClassCastException e) {
      throw new MessageException("\"" + field + "\" is not an IPv4 address: " + text);
    }
  }
}
