package dev.chimney.host;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every initiate and terminate the host issued, by root block list, kept after completion: a
 * target may complete from any thread, and may complete a tree the host never issued or complete
 * one twice, and this is where the host tells those apart from the completion it awaits. Initiates
 * and terminates share it because a completion of the wrong kind is one of the mistakes to notice.
 */
final class PendingTrees {
  private final HostContext host;
  private final Map<OffloadBlockList, PendingTree> trees = new IdentityHashMap<>();

  PendingTrees(HostContext host) {
    this.host = host;
  }

  /** Registers the initiate (or terminate) of {@code root}, before the call that issues it. */
  PendingTree open(OffloadBlockList root, TargetSlot slot, boolean initiate) {
    PendingTree p = new PendingTree(root, slot, initiate);
    synchronized (host.lock) {
      trees.put(root, p);
    }
    return p;
  }

  /** Forgets {@code p}, whose call was refused: no completion of it is due. */
  void forget(PendingTree p) {
    synchronized (host.lock) {
      trees.remove(p.root);
    }
  }

  /**
   * The pending initiate or terminate of {@code root}, marked complete; null (noted) when there is
   * none. Called holding the host's lock.
   */
  PendingTree claim(OffloadBlockList root, boolean initiate, Event.Upcall e) {
    PendingTree p = trees.get(root);
    String what = initiate ? "NdisMInitiateOffloadComplete" : "NdisMTerminateOffloadComplete";
    if (p == null || p.initiate != initiate) {
      host.anomaly(what + " of " + root.ndisOffloadHandle() + " at event #" + e.seq()
          + ": no such request is outstanding");
      return null;
    }
    if (p.claimedAt != 0) {
      host.anomaly(what + " of " + root.ndisOffloadHandle() + " at event #" + e.seq()
          + ": completed a second time (first at event #" + p.claimedAt + ")");
      return null;
    }
    p.claimedAt = e.seq();
    for (BlockView b : e.tree()) {
      p.statuses.put(b.name(), b.status());
    }
    return p;
  }

  /** An initiate or terminate the host issued and is waiting for. */
  static final class PendingTree {
    final OffloadBlockList root;
    final TargetSlot slot;
    final boolean initiate;
    final Map<String, NdisStatus> statuses = new LinkedHashMap<>();
    final Map<String, TerminateResult.Upload> uploads = new LinkedHashMap<>();
    NdisStatus returned;
    long callSeq;
    /** Set (under the host's lock) when the completion is taken; detects a second one. */
    long claimedAt;
    /**
     * Set last, once the completion's effects are in place: the host thread waits on it and then
     * reads them, and a target's own thread may complete before the host thread even sees the call
     * return.
     */
    volatile long completedAt;

    private PendingTree(OffloadBlockList root, TargetSlot slot, boolean initiate) {
      this.root = root;
      this.slot = slot;
      this.initiate = initiate;
    }
  }
}
