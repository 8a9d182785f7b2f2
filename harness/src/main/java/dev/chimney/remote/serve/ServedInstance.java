package dev.chimney.remote.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chimney.remote.protocol.FrameWriter;
import dev.chimney.remote.protocol.MessageException;
import dev.chimney.remote.protocol.Op;
import dev.chimney.remote.protocol.SpiJson;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.Link;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One target instance of a served provider, for one scenario: turns calls into SPI calls on its
 * {@link OffloadTarget} and the target's upcalls into messages. It keeps the identities the
 * protocol stands in for: the host's handles by number, the target's contexts by number, the trees
 * by the call that handed them over, the lists the target passed up by id. Calls run on the server's
 * target thread; upcalls come from any thread, so the identity maps are guarded by this object.
 */
final class ServedInstance implements OffloadHost, Link, SpiJson.Identities {
  private final long instance;
  private final TargetServer server;
  private final OffloadTarget target;
  private final Map<Long, NdisOffloadHandle> handles = new HashMap<>();
  private final Map<NdisOffloadHandle, Long> handleIds = new IdentityHashMap<>();
  private final Map<Long, Object> contexts = new HashMap<>();
  private final Map<Object, Long> contextIds = new IdentityHashMap<>();
  private final Map<OffloadBlockList, Long> treeCalls = new IdentityHashMap<>();
  private final Map<Long, NetBufferList> passedUp = new HashMap<>();

  /** Creates the target from a {@code create} call; throws what the provider throws. */
  ServedInstance(long instance, OffloadTargetProvider provider, JsonNode create, TargetServer server)
      throws Exception {
    this.instance = instance;
    this.server = server;
    TargetContext context = new TargetContext(this, this, server.newClock(),
        SpiJson.address(create, "localAddress"), TargetServer.settings(create.path("settings")));
    this.target = provider.create(context);
  }

  /** Runs one call on the target; writes its status, if any, into {@code ret}. */
  void call(Op op, long callId, JsonNode m, ObjectNode ret) {
    NdisStatus status = switch (op) {
      case INITIATE_OFFLOAD -> target.initiateOffload(tree(m, callId));
      case TERMINATE_OFFLOAD -> target.terminateOffload(tree(m, callId));
      case TCP_OFFLOAD_SEND -> target.tcpOffloadSend(context(m), chain(m));
      case TCP_OFFLOAD_RECEIVE -> target.tcpOffloadReceive(context(m), chain(m));
      case TCP_OFFLOAD_DISCONNECT -> target.tcpOffloadDisconnect(context(m), SpiJson.newNbl(SpiJson.object(m, "nbl")),
          flags(m));
      case TCP_OFFLOAD_FORWARD -> target.tcpOffloadForward(context(m), chain(m));
      case TCP_OFFLOAD_RECEIVE_RETURN -> {
        target.tcpOffloadReceiveReturn(SpiJson.chain(SpiJson.array(m, "nbls"), this::returned));
        yield null;
      }
      case SEND_NET_BUFFER_LISTS -> {
        target.sendNetBufferLists(SpiJson.bytes(m, "packet"));
        yield null;
      }
      case RECEIVE_FROM_WIRE -> {
        target.receiveFromWire(SpiJson.bytes(m, "packet"));
        yield null;
      }
      case REQUEST_UPLOAD_ALL -> {
        target.requestUploadAll();
        yield null;
      }
      case REQUEST_RETRIEVE -> {
        target.requestRetrieve(context(m));
        yield null;
      }
      case CLOSE -> {
        target.close();
        yield null;
      }
      default -> throw new MessageException("\"" + op.wireName() + "\" is not a call");
    };
    if (status != null) {
      ret.put("status", SpiJson.code(status));
    }
  }

  /** Halts the target when the harness went away without closing it. */
  void close() {
    try {
      target.close();
    } catch (RuntimeException e) {
      System.err.println("chimney serve-target: the target threw from close: " + e);
    }
  }

  private OffloadBlockList tree(JsonNode m, long callId) {
    OffloadBlockList root = node(SpiJson.object(m, "tree"));
    synchronized (this) {
      treeCalls.put(root, callId);
    }
    return root;
  }

  private OffloadBlockList node(JsonNode n) {
    OffloadBlockList b = new OffloadBlockList(SpiJson.state(n, SpiJson::newNbl), handle(n));
    b.setStatus(SpiJson.status(n.path("status"), "status"));
    b.setMiniportOffloadContext(contextOf(n.get("context")));
    b.setNetBufferListChain(SpiJson.chain(n.get("nbls"), SpiJson::newNbl));
    for (JsonNode d : n.path("dependents")) {
      b.addDependent(node(d));
    }
    return b;
  }

  private synchronized NdisOffloadHandle handle(JsonNode n) {
    long id = SpiJson.longValue(n, "handle");
    return handles.computeIfAbsent(id, k -> {
      NdisOffloadHandle h = new NdisOffloadHandle(n.path("name").asText("handle" + id));
      handleIds.put(h, id);
      return h;
    });
  }

  private Object context(JsonNode m) {
    return contextOf(m.get("context"));
  }

  private synchronized Object contextOf(JsonNode c) {
    if (c == null || c.isNull()) {
      return null;
    }
    Object o = contexts.get(c.asLong());
    if (o == null) {
      throw new MessageException("context " + c + " was never set by this target");
    }
    return o;
  }

  private NetBufferList chain(JsonNode m) {
    return SpiJson.chain(SpiJson.array(m, "nbls"), SpiJson::newNbl);
  }

  private synchronized NetBufferList returned(JsonNode n) {
    NetBufferList l = passedUp.remove(SpiJson.longValue(n, "id"));
    return l != null ? l : SpiJson.newNbl(n);
  }

  private static DisconnectFlags flags(JsonNode m) {
    try {
      return DisconnectFlags.valueOf(SpiJson.text(m, "flags"));
    } catch (IllegalArgumentException e) {
      throw new MessageException("\"flags\" is not ABORTIVE_CLOSE or GRACEFUL_CLOSE: " + m.get("flags"));
    }
  }

  // ---------------------------------------------------------------- identities

  @Override
  public synchronized long handleId(NdisOffloadHandle handle) {
    Long id = handleIds.get(handle);
    return id == null ? -1 : id;
  }

  @Override
  public synchronized JsonNode context(Object context) {
    if (context == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    Long id = contextIds.computeIfAbsent(context, c -> (long) contextIds.size() + 1);
    contexts.put(id, context);
    return LongNode.valueOf(id);
  }

  // ---------------------------------------------------------------- upcalls

  private ObjectNode upcall(Op op) {
    return FrameWriter.message(Op.UPCALL).put("op", op.wireName()).put("instance", instance);
  }

  private void completeTree(Op op, OffloadBlockList root) {
    ObjectNode u = upcall(op);
    synchronized (this) {
      Long call = treeCalls.get(root);
      u.put("call", call == null ? -1 : call);
      u.set("tree", SpiJson.tree(root, this, true));
    }
    server.upcall(u);
  }

  private void completeChain(Op op, NetBufferList chain, boolean withData) {
    ObjectNode u = upcall(op);
    u.set("nbls", SpiJson.chain(chain, withData));
    server.upcall(u);
  }

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    completeTree(Op.INITIATE_OFFLOAD_COMPLETE, root);
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    synchronized (this) {
      for (OffloadBlockList n : root.walk()) {
        if (n.stateType() == dev.chimney.spi.OffloadStateType.TCP) {
          for (NetBufferList b : NetBufferList.toList(n.tcpState().delegated().bufferedData())) {
            passedUp.put(b.id(), b);
          }
        }
      }
    }
    completeTree(Op.TERMINATE_OFFLOAD_COMPLETE, root);
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    completeChain(Op.TCP_OFFLOAD_SEND_COMPLETE, chain, false);
  }

  @Override
  public void tcpOffloadReceiveComplete(NetBufferList chain) {
    completeChain(Op.TCP_OFFLOAD_RECEIVE_COMPLETE, chain, true);
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    ObjectNode u = upcall(Op.TCP_OFFLOAD_RECEIVE_INDICATE).put("handle", handleId(connection))
        .put("status", SpiJson.code(status));
    u.set("nbl", SpiJson.nbl(nbl, true));
    synchronized (this) {
      passedUp.put(nbl.id(), nbl);
    }
    return server.indicate(u);
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    ObjectNode u = upcall(Op.TCP_OFFLOAD_DISCONNECT_COMPLETE);
    u.set("nbl", SpiJson.nbl(nbl, false));
    server.upcall(u);
  }

  @Override
  public void tcpOffloadForwardComplete(NetBufferList chain) {
    completeChain(Op.TCP_OFFLOAD_FORWARD_COMPLETE, chain, false);
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    ObjectNode u = upcall(Op.TCP_OFFLOAD_EVENT).put("handle", handleId(connection)).put("event", event.name());
    if (reason != null) {
      u.put("reason", reason.name());
    }
    server.upcall(u);
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    server.upcall(upcall(Op.INDICATE_STATUS).put("status", SpiJson.code(statusCode)));
  }

  @Override
  public void indicateReceiveNetBufferLists(byte[] ipPacket) {
    server.upcall(upcall(Op.INDICATE_RECEIVE_NET_BUFFER_LISTS).put("packet", SpiJson.bytes(ipPacket)));
  }

  @Override
  public void transmit(byte[] ipPacket) {
    server.upcall(upcall(Op.TRANSMIT).put("packet", SpiJson.bytes(ipPacket)));
  }
}
