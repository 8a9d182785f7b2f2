package dev.chimney.host;

import dev.chimney.host.NblLedger.Purpose;
import dev.chimney.host.PendingTrees.PendingTree;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NeighborState;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TcpState;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands connections over to a target: MiniportInitiateOffload of a neighbor, path and TCP block
 * list tree built from the host's own TCP state and unacknowledged data, the wait for the
 * completion, and what the completion decides for each connection. An offloaded one gets the
 * segments that arrived meanwhile forwarded (FWD-5); one the target did not take, or all of a
 * refused initiate, the host takes back and runs itself, its new send data included.
 *
 * <p>Between a target's UPLOAD_ALL and OFFLOAD_RESUME it offloads nothing to that target (TRM-7),
 * and a connection whose offload completes inside that window is terminated at once (TRM-6).
 */
final class OffloadInitiation {
  private final HostContext host;
  private final PendingTrees pending;
  private final OffloadTermination termination;
  private final DataCalls dataCalls;
  private final OrdinaryPath ordinary;
  /** The connections each initiate in progress hands over, by the root of its tree. */
  private final Map<OffloadBlockList, List<TcpHandover>> pendingHandovers = new IdentityHashMap<>();
  private int neighborCount;
  private int pathCount;

  OffloadInitiation(HostContext host, PendingTrees pending, OffloadTermination termination,
      DataCalls dataCalls, OrdinaryPath ordinary) {
    this.host = host;
    this.pending = pending;
    this.termination = termination;
    this.dataCalls = dataCalls;
    this.ordinary = ordinary;
  }

  /** See {@link HostStack#initiate}. */
  OffloadResult initiate(OffloadTree tree) {
    return initiate(tree, host.primary);
  }

  /** See {@link HostStack#reoffload}. */
  OffloadResult reoffload(HostConnection conn, OffloadTarget other) {
    HostContext.requirePhase(conn, "re-offload", ConnectionPhase.UPLOADED);
    TargetSlot slot = host.slotOf(other);
    conn.target = other;
    return initiate(OffloadTree.of(conn), slot);
  }

  private OffloadResult initiate(OffloadTree tree, TargetSlot slot) {
    host.requireAttached();
    awaitOffloadAllowed(slot);
    for (HostConnection c : tree.connections()) {
      HostContext.requirePhase(c, "offload", ConnectionPhase.HOST, ConnectionPhase.UPLOADED);
    }
    PendingTree p = pending.open(buildInitiateTree(tree, slot), slot, true);
    String rootName = p.root.ndisOffloadHandle().toString();
    Event.Returned r = host.gateway.call(Api.INITIATE_OFFLOAD, rootName, List.of(), null,
        Snapshots.tree(p.root), () -> slot.target.initiateOffload(p.root));
    if (r.status() == NdisStatus.PENDING) {
      host.await("completion", host.timeouts.completion(),
          () -> "NdisMInitiateOffloadComplete of " + rootName + " (call #" + r.callSeq() + ")",
          () -> p.completedAt != 0);
    } else {
      failInitiate(p);
    }
    tree.initiatedRoot = p.root;
    return new OffloadResult(r.status(), p.statuses, p.completedAt);
  }

  private OffloadBlockList buildInitiateTree(OffloadTree tree, TargetSlot slot) {
    OffloadBlockList root = new OffloadBlockList(new NeighborState(tree.neighbor()),
        new NdisOffloadHandle("Neighbor" + (++neighborCount)));
    List<TcpHandover> handovers = new ArrayList<>();
    for (OffloadTree.PathNode path : tree.paths()) {
      OffloadBlockList pathNode = new OffloadBlockList(
          new PathState(path.source, path.destination, OffloadTree.PATH_MTU),
          new NdisOffloadHandle("Path" + (++pathCount)));
      root.addDependent(pathNode);
      for (OffloadTree.TcpNode tcp : path.tcps) {
        handovers.add(handOver(tcp, pathNode, slot));
      }
    }
    pendingHandovers.put(root, handovers);
    return root;
  }

  /** Builds a connection's TCP block list from the host's TCP and suspends the host's TCP. */
  private TcpHandover handOver(OffloadTree.TcpNode node, OffloadBlockList pathNode, TargetSlot slot) {
    HostConnection c = node.connection();
    HostTcp tcp = c.tcp;
    TcpState state = new TcpState(c.local().port(), c.remote().port(), tcp.sndWindScale(),
        tcp.rcvWindScale(), tcp.remoteMss(), HostTcp.HOST_RECEIVE_WINDOW, tcp.delegatedState());
    NdisOffloadHandle handle = new NdisOffloadHandle(c.name());
    OffloadBlockList tcpNode = new OffloadBlockList(state, handle);
    byte[] outstanding = tcp.outstanding();
    List<NetBufferList> lists = new ArrayList<>();
    if (outstanding.length > 0) {
      lists.add(host.ledger.create(outstanding, Purpose.SEND, c));
    }
    long total = outstanding.length;
    for (byte[] chunk : node.sendData()) {
      lists.add(host.ledger.create(chunk, Purpose.SEND, c));
      total += chunk.length;
    }
    tcpNode.setNetBufferListChain(NetBufferList.chain(lists));
    pathNode.addDependent(tcpNode);
    tcp.suspend();
    synchronized (host.lock) {
      if (c.phase == ConnectionPhase.UPLOADED) {
        c.pendingForwards.addAll(c.heldSegments);
        c.heldSegments.clear();
      }
      c.phase = ConnectionPhase.OFFLOADING;
      c.handle = handle;
      c.offloadedState = state;
      c.target = slot.target;
      host.byHandle.put(handle, c);
    }
    return new TcpHandover(c, tcpNode, node.sendData(), SeqNum.add(tcp.sndUna(), total));
  }

  /**
   * The initiate was refused by its return value or a throw: the host keeps its connections, unless
   * the target completed the initiate before refusing it, and its completion settled them already.
   */
  private void failInitiate(PendingTree p) {
    List<TcpHandover> handovers;
    synchronized (host.lock) {
      pending.forget(p);
      handovers = pendingHandovers.remove(p.root);
    }
    if (handovers == null) {
      return;
    }
    for (TcpHandover h : handovers) {
      takeBack(h);
    }
  }

  private void takeBack(TcpHandover h) {
    HostConnection c = h.connection;
    synchronized (host.lock) {
      c.phase = ConnectionPhase.HOST;
      c.context = null;
    }
    host.clock.execute(() -> {
      c.tcp.resume();
      for (byte[] chunk : h.sendData) {
        c.tcp.send(chunk);
      }
      ordinary.processHeld(c, c.pendingForwards);
      c.tcp.acknowledgeAndSend();
    });
  }

  private void awaitOffloadAllowed(TargetSlot slot) {
    if (!slot.uploadAllPending) {
      return;
    }
    long since = slot.uploadAllEvent;
    boolean resumed = host.clock.runUntil(() -> !slot.uploadAllPending, host.timeouts.completion().toNanos());
    if (!resumed) {
      throw new HostRefusalException("TRM-7", "the target indicated NDIS_STATUS_UPLOAD_ALL at event #"
          + since + " and no NDIS_STATUS_OFFLOAD_RESUME followed within timeout 'completion' ("
          + host.timeouts.completion().toMillis() + " ms); the host offloads nothing to it until then");
    }
  }

  /** NdisMInitiateOffloadComplete of {@code root}, recorded as {@code e}. */
  void completed(OffloadBlockList root, Event.Upcall e) {
    List<TcpHandover> handovers;
    PendingTree p;
    synchronized (host.lock) {
      p = pending.claim(root, true, e);
      if (p == null) {
        return;
      }
      handovers = pendingHandovers.remove(root);
    }
    for (TcpHandover h : handovers) {
      if (OffloadResult.isOffloaded(h.node.status())) {
        offloaded(h, p.slot);
      } else {
        takeBack(h);
      }
    }
    p.completedAt = e.seq();
  }

  private void offloaded(TcpHandover h, TargetSlot slot) {
    HostConnection c = h.connection;
    List<TcpSegment> forwards;
    synchronized (host.lock) {
      c.phase = ConnectionPhase.OFFLOADED;
      c.context = h.node.miniportOffloadContext();
      c.streamEnd = h.streamEnd;
      c.sends.addAll(NetBufferList.toList(h.node.netBufferListChain()));
      forwards = List.copyOf(c.pendingForwards);
      c.pendingForwards.clear();
      c.tcp.clearOutstanding();
    }
    host.clock.execute(() -> {
      if (slot.uploadAllPending) {
        termination.terminateSoon(c, "UPLOAD_ALL at event #" + slot.uploadAllEvent + " (TRM-6)");
      }
      dataCalls.forwardNow(c, forwards);
    });
  }

  /** A connection handed over in an initiate: its block list, the new send data, the stream's end. */
  private record TcpHandover(HostConnection connection, OffloadBlockList node, List<byte[]> sendData,
      long streamEnd) {}
}
