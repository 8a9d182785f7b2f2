package dev.chimney.remote;

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
import dev.chimney.spi.NeighborState;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.TargetContext;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's remote target, as the host stack sees it: each handler is a call over the
 * connection that waits for its return; each upcall from the target becomes the {@link
 * OffloadHost} or {@link Link} call it stands for, on the connection's reader thread.
 *
 * <p>It keeps the identities the protocol stands in for, so that the host stack gets back the very
 * objects it handed over: handles by number, trees by the call that carried them, NET_BUFFER_LISTs
 * by id, the target's MiniportOffloadContexts as {@link RemoteContext} numbers. A completion naming
 * something the host never handed over is passed on as a new object, for the host stack to record
 * as the anomaly it is. Handlers run on the host thread; upcalls on the reader thread; the maps are
 * guarded by this object.
 */
final class RemoteTarget implements OffloadTarget, RemoteConnection.UpcallSink, SpiJson.Identities {
  /** A MiniportOffloadContext the remote target chose: a number standing for its own object. */
  record RemoteContext(long value) {}

  private static final Inet4Address NO_ADDRESS = unspecified();

  private final RemoteConnection connection;
  private final long instance;
  private final OffloadHost host;
  private final Link link;
  private final Duration callTimeout;
  private final Map<NdisOffloadHandle, Long> handleIds = new IdentityHashMap<>();
  private final Map<Long, NdisOffloadHandle> handles = new HashMap<>();
  private final Map<Long, OffloadBlockList> trees = new HashMap<>();
  private final Set<Long> completedTrees = new HashSet<>();
  private final Map<Long, NetBufferList> handedOver = new HashMap<>();
  private final Set<Long> receiveLists = new HashSet<>();
  private boolean closed;

  /**
   * Creates the instance on the remote side.
   *
   * @param callTimeout how long any handler may take to return ("completion")
   * @throws RemoteTargetException when the target refuses or the connection breaks
   */
  RemoteTarget(RemoteConnection connection, long instance, TargetContext context, Duration callTimeout) {
    this.connection = connection;
    this.instance = instance;
    this.host = context.host();
    this.link = context.link();
    this.callTimeout = callTimeout;
    connection.register(instance, this);
    ObjectNode create = call(Op.CREATE).put("localAddress", context.localAddress().getHostAddress());
    ObjectNode settings = create.putObject("settings");
    context.settings().forEach(settings::put);
    send(create);
  }

  // ---------------------------------------------------------------- calls

  private ObjectNode call(Op op) {
    return FrameWriter.message(Op.CALL).put("op", op.wireName()).put("instance", instance);
  }

  private ObjectNode send(ObjectNode call) {
    long id = call.has("id") ? call.get("id").asLong() : connection.nextId();
    call.put("id", id);
    return connection.call(id, call, callTimeout, "completion");
  }

  private static NdisStatus status(ObjectNode ret) {
    return SpiJson.status(ret.path("status"), "status");
  }

  private NdisStatus treeCall(Op op, OffloadBlockList root) {
    long id = connection.nextId();
    synchronized (this) {
      trees.put(id, root);
      for (OffloadBlockList n : root.walk()) {
        register(n.netBufferListChain(), false);
      }
    }
    ObjectNode call = call(op).put("id", id);
    synchronized (this) {
      call.set("tree", SpiJson.tree(root, this, true));
    }
    return status(send(call));
  }

  private NdisStatus chainCall(Op op, Object context, NetBufferList chain, boolean receive) {
    ObjectNode call = call(op);
    call.set("context", context(context));
    synchronized (this) {
      register(chain, receive);
    }
    call.set("nbls", SpiJson.chain(chain, true));
    return status(send(call));
  }

  private void register(NetBufferList chain, boolean receive) {
    for (NetBufferList l : NetBufferList.toList(chain)) {
      handedOver.put(l.id(), l);
      if (receive) {
        receiveLists.add(l.id());
      }
    }
  }

  @Override
  public NdisStatus initiateOffload(OffloadBlockList root) {
    return treeCall(Op.INITIATE_OFFLOAD, root);
  }

  @Override
  public NdisStatus terminateOffload(OffloadBlockList root) {
    return treeCall(Op.TERMINATE_OFFLOAD, root);
  }

  @Override
  public NdisStatus tcpOffloadSend(Object context, NetBufferList chain) {
    return chainCall(Op.TCP_OFFLOAD_SEND, context, chain, false);
  }

  @Override
  public NdisStatus tcpOffloadReceive(Object context, NetBufferList chain) {
    return chainCall(Op.TCP_OFFLOAD_RECEIVE, context, chain, true);
  }

  @Override
  public void tcpOffloadReceiveReturn(NetBufferList chain) {
    ObjectNode call = call(Op.TCP_OFFLOAD_RECEIVE_RETURN);
    call.set("nbls", SpiJson.chain(chain, false));
    send(call);
  }

  @Override
  public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
    ObjectNode call = call(Op.TCP_OFFLOAD_DISCONNECT).put("flags", flags.name());
    call.set("context", context(context));
    synchronized (this) {
      register(nbl, false);
    }
    call.set("nbl", SpiJson.nbl(nbl, true));
    return status(send(call));
  }

  @Override
  public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
    return chainCall(Op.TCP_OFFLOAD_FORWARD, context, chain, false);
  }

  @Override
  public void sendNetBufferLists(byte[] ipPacket) {
    send(call(Op.SEND_NET_BUFFER_LISTS).put("packet", SpiJson.bytes(ipPacket)));
  }

  @Override
  public void receiveFromWire(byte[] ipPacket) {
    send(call(Op.RECEIVE_FROM_WIRE).put("packet", SpiJson.bytes(ipPacket)));
  }

  @Override
  public void requestUploadAll() {
    send(call(Op.REQUEST_UPLOAD_ALL));
  }

  @Override
  public void requestRetrieve(Object context) {
    ObjectNode call = call(Op.REQUEST_RETRIEVE);
    call.set("context", context(context));
    send(call);
  }

  /**
   * Halts the remote instance. Throws, against the SPI's wish, when the connection broke during the
   * scenario: the session records the throw, and the scenario's failure names the reason even when
   * nothing was waiting at the time.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    connection.unregister(instance);
    if (!connection.alive()) {
      throw new RemoteTargetException(connection.brokenBecause());
    }
    send(call(Op.CLOSE));
  }

  // ---------------------------------------------------------------- identities

  @Override
  public synchronized long handleId(NdisOffloadHandle handle) {
    return handleIds.computeIfAbsent(handle, h -> {
      long id = handleIds.size() + 1L;
      handles.put(id, h);
      return id;
    });
  }

  @Override
  public JsonNode context(Object context) {
    if (context instanceof RemoteContext c) {
      return LongNode.valueOf(c.value());
    }
    return JsonNodeFactory.instance.nullNode();
  }

  // ---------------------------------------------------------------- upcalls

  @Override
  public void upcall(Op op, ObjectNode m) {
    switch (op) {
      case INITIATE_OFFLOAD_COMPLETE -> host.initiateOffloadComplete(completedTree(m, false));
      case TERMINATE_OFFLOAD_COMPLETE -> host.terminateOffloadComplete(completedTree(m, true));
      case TCP_OFFLOAD_SEND_COMPLETE -> host.tcpOffloadSendComplete(completedChain(m));
      case TCP_OFFLOAD_RECEIVE_COMPLETE -> host.tcpOffloadReceiveComplete(completedChain(m));
      case TCP_OFFLOAD_FORWARD_COMPLETE -> host.tcpOffloadForwardComplete(completedChain(m));
      case TCP_OFFLOAD_DISCONNECT_COMPLETE -> host.tcpOffloadDisconnectComplete(completed(SpiJson.object(m, "nbl")));
      case TCP_OFFLOAD_RECEIVE_INDICATE -> {
        NetBufferList nbl = passedUp(SpiJson.object(m, "nbl"));
        int consumed = host.tcpOffloadReceiveIndicate(handle(m), nbl, SpiJson.status(m.path("status"), "status"));
        connection.reply(SpiJson.longValue(m, "id"), consumed);
      }
      case TCP_OFFLOAD_EVENT -> host.tcpOffloadEvent(handle(m), event(m), reason(m));
      case INDICATE_STATUS -> host.indicateStatus(SpiJson.status(m.path("status"), "status"));
      case INDICATE_RECEIVE_NET_BUFFER_LISTS -> host.indicateReceiveNetBufferLists(SpiJson.bytes(m, "packet"));
      case TRANSMIT -> link.transmit(SpiJson.bytes(m, "packet"));
      default -> throw new MessageException("\"" + op.wireName() + "\" is not an upcall");
    }
  }

  /**
   * The tree of the call the completion names, with what the target wrote applied to the host's own
   * block lists (the first time only: a second completion is passed on untouched, for the host stack
   * to record). A call that handed over no tree gets a stand-in root the host stack will not know.
   */
  private synchronized OffloadBlockList completedTree(ObjectNode m, boolean terminate) {
    long call = SpiJson.longValue(m, "call");
    OffloadBlockList root = trees.get(call);
    if (root == null) {
      return new OffloadBlockList(new NeighborState(NO_ADDRESS),
          new NdisOffloadHandle("the tree of call " + call + ", which handed over none"));
    }
    if (completedTrees.add(call)) {
      Map<Long, OffloadBlockList> byHandle = new HashMap<>();
      for (OffloadBlockList n : root.walk()) {
        byHandle.put(handleId(n.ndisOffloadHandle()), n);
      }
      for (JsonNode n : SpiJson.walk(SpiJson.object(m, "tree"))) {
        OffloadBlockList node = byHandle.get(SpiJson.longValue(n, "handle"));
        if (node != null) {
          apply(n, node, terminate);
        }
      }
    }
    return root;
  }

  private void apply(JsonNode n, OffloadBlockList node, boolean terminate) {
    node.setStatus(SpiJson.status(n.path("status"), "status"));
    JsonNode context = n.get("context");
    if (!terminate && context != null) {
      node.setMiniportOffloadContext(context.isIntegralNumber() ? new RemoteContext(context.asLong()) : null);
    }
    if (terminate) {
      node.setNetBufferListChain(SpiJson.chain(n.get("nbls"), this::completed));
      if (node.stateType() == OffloadStateType.TCP) {
        JsonNode delegated = SpiJson.object(SpiJson.object(n, "state"), "delegated");
        SpiJson.applyDelegated(delegated, node.tcpState().delegated(), RemoteTarget::passedUp);
      }
    }
  }

  private synchronized NetBufferList completedChain(ObjectNode m) {
    return SpiJson.chain(SpiJson.array(m, "nbls"), this::completed);
  }

  /**
   * The host's own list for a completion, its Status (and for posted receives, its data) written as
   * the target says; a new list when the host never handed that id over.
   */
  private synchronized NetBufferList completed(JsonNode n) {
    NetBufferList l = handedOver.get(SpiJson.longValue(n, "id"));
    if (l == null) {
      return SpiJson.newNbl(n);
    }
    l.setStatus(SpiJson.status(n.path("status"), "status"));
    if (receiveLists.contains(l.id()) && l.dataLength() == 0) {
      JsonNode buffer = n.path("buffers").path(0);
      if (buffer.has("data")) {
        byte[] data = SpiJson.bytes(buffer, "data");
        if (data.length > l.firstBuffer().capacity()) {
          throw new MessageException("receive NBL " + l.id() + ": " + data.length + " bytes into a buffer of "
              + l.firstBuffer().capacity());
        }
        l.firstBuffer().append(data, 0, data.length);
      }
    }
    return l;
  }

  /**
   * A list the target passes up (an indication, buffered data): always a new object, since the
   * target owns it again once returned and may reuse its id; it is returned by id.
   */
  private static NetBufferList passedUp(JsonNode n) {
    return SpiJson.newNbl(n);
  }

  private synchronized NdisOffloadHandle handle(ObjectNode m) {
    long id = SpiJson.longValue(m, "handle");
    NdisOffloadHandle h = handles.get(id);
    return h != null ? h : new NdisOffloadHandle("handle " + id + ", which the host never gave");
  }

  private static TcpOffloadEvent event(ObjectNode m) {
    try {
      return TcpOffloadEvent.valueOf(SpiJson.text(m, "event"));
    } catch (IllegalArgumentException e) {
      throw new MessageException("\"event\": not a TCP offload event: " + m.get("event"));
    }
  }

  private static TcpUploadReason reason(ObjectNode m) {
    JsonNode r = m.get("reason");
    if (r == null || r.isNull()) {
      return null;
    }
    try {
      return TcpUploadReason.valueOf(r.asText());
    } catch (IllegalArgumentException e) {
      throw new MessageException("\"reason\": not a TCP_UPLOAD_REASON: " + r);
    }
  }

  private static Inet4Address unspecified() {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
