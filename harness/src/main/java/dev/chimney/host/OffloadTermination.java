package dev.chimney.host;

import dev.chimney.host.HostContext.IndicatedList;
import dev.chimney.host.PendingTrees.PendingTree;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes connections back from a target: MiniportTerminateOffload of one connection or of a whole
 * tree the host offloaded, the wait for the completion, and what the completion hands back (the
 * delegated state, the send data and any buffered receive data), from which the host's own TCP is
 * restored to carry on.
 *
 * <p>It also starts the terminates the target asks for: a TcpIndicateRetrieve is answered with a
 * terminate at once, repeated ones are tolerated (TRM-1, TRM-4), and UPLOAD_ALL terminates every
 * connection on that target and stops offloads to it until OFFLOAD_RESUME (TRM-6, TRM-7). Those
 * terminates are deferred to the clock, so that the upcall that asked is not re-entered.
 */
final class OffloadTermination {
  private final HostContext host;
  private final PendingTrees pending;

  OffloadTermination(HostContext host, PendingTrees pending) {
    this.host = host;
    this.pending = pending;
  }

  /** See {@link HostStack#terminate(HostConnection...)}. */
  TerminateResult terminate(HostConnection... conns) {
    List<PendingTree> trees = new ArrayList<>();
    List<HostConnection> awaited = new ArrayList<>();
    for (HostConnection c : conns) {
      if (c.terminatePending) {
        awaited.add(c);
      } else {
        HostContext.requirePhase(c, "terminate", ConnectionPhase.OFFLOADED);
        trees.add(startTerminate(c));
      }
    }
    return awaitTerminates(trees, awaited);
  }

  /** See {@link HostStack#beginTerminate}. */
  void beginTerminate(HostConnection conn) {
    HostContext.requirePhase(conn, "terminate", ConnectionPhase.OFFLOADED);
    startTerminate(conn);
  }

  /** See {@link HostStack#terminate(OffloadTree)}. */
  TerminateResult terminate(OffloadTree tree) {
    if (tree.initiatedRoot == null) {
      throw new IllegalStateException("the tree was never offloaded: nothing to terminate");
    }
    OffloadBlockList root = copyOffloaded(tree.initiatedRoot);
    if (root == null) {
      throw new IllegalStateException("the target offloaded nothing of the tree: nothing to terminate");
    }
    return awaitTerminates(List.of(startTerminate(root, host.primary)), List.of());
  }

  private OffloadBlockList copyOffloaded(OffloadBlockList node) {
    if (!OffloadResult.isOffloaded(node.status())) {
      return null;
    }
    OffloadBlockList copy;
    if (node.stateType() == OffloadStateType.TCP) {
      HostConnection c = host.byHandle.get(node.ndisOffloadHandle());
      if (c == null || c.phase != ConnectionPhase.OFFLOADED) {
        return null;
      }
      copy = terminateNode(c);
    } else {
      copy = new OffloadBlockList(node.state(), node.ndisOffloadHandle());
      copy.setMiniportOffloadContext(node.miniportOffloadContext());
    }
    for (OffloadBlockList child : node.dependents()) {
      OffloadBlockList childCopy = copyOffloaded(child);
      if (childCopy != null) {
        copy.addDependent(childCopy);
      }
    }
    return copy;
  }

  private OffloadBlockList terminateNode(HostConnection c) {
    TcpState s = c.offloadedState;
    OffloadBlockList node = new OffloadBlockList(new TcpState(s.localPort(), s.remotePort(),
        s.sndWindScale(), s.rcvWindScale(), s.remoteMss(), s.initialRcvWnd(), new TcpDelegatedState()),
        c.handle);
    node.setMiniportOffloadContext(c.context);
    return node;
  }

  private PendingTree startTerminate(HostConnection c) {
    return startTerminate(terminateNode(c), host.slotOf(c.target));
  }

  private PendingTree startTerminate(OffloadBlockList root, TargetSlot slot) {
    PendingTree p = pending.open(root, slot, false);
    synchronized (host.lock) {
      for (OffloadBlockList n : root.walk()) {
        HostConnection c =
            n.stateType() == OffloadStateType.TCP ? host.byHandle.get(n.ndisOffloadHandle()) : null;
        if (c != null) {
          c.phase = ConnectionPhase.TERMINATING;
          c.terminatePending = true;
        }
      }
    }
    Event.Returned r = host.gateway.call(Api.TERMINATE_OFFLOAD, root.ndisOffloadHandle().toString(),
        List.of(), null, Snapshots.tree(root), () -> slot.target.terminateOffload(root));
    p.returned = r.status();
    p.callSeq = r.callSeq();
    return p;
  }

  private TerminateResult awaitTerminates(List<PendingTree> trees, List<HostConnection> awaited) {
    for (PendingTree p : trees) {
      if (p.returned == NdisStatus.PENDING) {
        host.await("completion", host.timeouts.completion(), () -> "NdisMTerminateOffloadComplete of "
            + p.root.ndisOffloadHandle() + " (call #" + p.callSeq + ")", () -> p.completedAt != 0);
      }
    }
    for (HostConnection c : awaited) {
      awaitTerminated(c);
    }
    Map<String, NdisStatus> statuses = new LinkedHashMap<>();
    Map<String, TerminateResult.Upload> uploads = new LinkedHashMap<>();
    for (PendingTree p : trees) {
      statuses.putAll(p.statuses);
      uploads.putAll(p.uploads);
    }
    for (HostConnection c : awaited) {
      statuses.put(c.name(), c.lastUpload.status());
      uploads.put(c.name(), c.lastUpload);
    }
    return new TerminateResult(statuses, uploads);
  }

  /** See {@link HostStack#awaitTerminated}. */
  void awaitTerminated(HostConnection conn) {
    host.await("completion", host.timeouts.completion(), () -> "NdisMTerminateOffloadComplete of "
        + conn.name(), () -> !conn.terminatePending && conn.lastUpload != null);
  }

  /** See {@link HostStack#requestUploadAll}. */
  void requestUploadAll() {
    host.requireAttached();
    host.gateway.callVoid(Api.REQUEST_UPLOAD_ALL, null, List.of(), host.primary.target::requestUploadAll);
  }

  /** See {@link HostStack#requestRetrieve}. */
  void requestRetrieve(HostConnection conn) {
    HostContext.requirePhase(conn, "request the retrieval of", ConnectionPhase.OFFLOADED);
    Object context = conn.context;
    host.gateway.callVoid(Api.REQUEST_RETRIEVE, conn.name(), List.of(),
        () -> conn.target.requestRetrieve(context));
  }

  /** NdisMTerminateOffloadComplete of {@code root}, recorded as {@code e}. */
  void completed(OffloadBlockList root, Event.Upcall e) {
    synchronized (host.lock) {
      PendingTree p = pending.claim(root, false, e);
      if (p == null) {
        return;
      }
      for (OffloadBlockList n : root.walk()) {
        HostConnection c =
            n.stateType() == OffloadStateType.TCP ? host.byHandle.get(n.ndisOffloadHandle()) : null;
        if (c != null) {
          p.uploads.put(c.name(), uploaded(c, n, e.seq()));
        }
      }
      p.completedAt = e.seq();
    }
  }

  /** Takes a connection back from a terminated TCP block list: the host now holds its state. */
  private TerminateResult.Upload uploaded(HostConnection c, OffloadBlockList n, long seq) {
    TcpDelegatedState delegated = n.tcpState().delegated().copy();
    List<NetBufferList> chain = NetBufferList.toList(n.netBufferListChain());
    List<NetBufferList> buffered = NetBufferList.toList(delegated.bufferedData());
    TerminateResult.Upload upload = new TerminateResult.Upload(c.name(), n.status(),
        n.netBufferListChain() == null, chain, delegated, buffered, seq);
    for (NetBufferList b : buffered) {
      c.deliver(b.data());
      host.toReturn.add(new IndicatedList(c.target, b));
    }
    c.lastUpload = upload;
    c.terminatePending = false;
    c.context = null;
    if (n.status() != NdisStatus.SUCCESS) {
      c.phase = ConnectionPhase.RESET;
      return upload;
    }
    ReturnedSendData resend = ReturnedSendData.of(chain, delegated.sndUna(), c.streamEnd);
    if (resend.problem() != null) {
      host.anomaly(false, c.name() + " terminate at event #" + seq + ": " + resend.problem());
    }
    c.tcp.restore(delegated, resend.fromSndUna());
    c.phase = ConnectionPhase.UPLOADED;
    return upload;
  }

  /**
   * TRM-1: terminate as soon as possible; TRM-4: a repeated request changes nothing. Called holding
   * the host's lock.
   */
  void retrieveRequested(HostConnection c, Event.Upcall e) {
    if (c.terminatePending || c.phase != ConnectionPhase.OFFLOADED) {
      host.log.note("host tolerates TcpIndicateRetrieve for " + c.name() + " at event #" + e.seq()
          + ": " + (c.terminatePending ? "its termination is already under way" : "it is " + c.phase)
          + " (TRM-4)");
      return;
    }
    c.terminatePending = true;
    host.clock.execute(() -> terminateSoon(c, "TcpIndicateRetrieve at event #" + e.seq() + " (TRM-1)"));
  }

  /**
   * A status indication of the target of {@code slot}, recorded as {@code e}: UPLOAD_ALL (TRM-6,
   * TRM-7) or OFFLOAD_RESUME.
   */
  void statusIndicated(TargetSlot slot, NdisStatus statusCode, Event.Upcall e) {
    synchronized (host.lock) {
      if (statusCode == NdisStatus.UPLOAD_ALL) {
        slot.uploadAllPending = true;
        slot.uploadAllEvent = e.seq();
        for (HostConnection c : host.connections) {
          if (c.target == slot.target && c.phase == ConnectionPhase.OFFLOADED && !c.terminatePending) {
            c.terminatePending = true;
            host.clock.execute(() -> terminateSoon(c, "UPLOAD_ALL at event #" + e.seq() + " (TRM-6)"));
          }
        }
      } else if (statusCode == NdisStatus.OFFLOAD_RESUME) {
        slot.uploadAllPending = false;
      }
    }
  }

  /** Starts the terminate of {@code c} without waiting, unless the connection left the target meanwhile. */
  void terminateSoon(HostConnection c, String because) {
    if (c.phase != ConnectionPhase.OFFLOADED) {
      c.terminatePending = c.phase == ConnectionPhase.TERMINATING;
      return;
    }
    host.log.note("host terminates " + c.name() + " after " + because);
    startTerminate(c);
  }
}
