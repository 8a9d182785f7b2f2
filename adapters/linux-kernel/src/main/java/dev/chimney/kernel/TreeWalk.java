package dev.chimney.kernel;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;

/**
 * Walks an initiate's state tree parent first and writes every Status (PAR-4 to PAR-7): a refusal
 * for resources is RESOURCES and the walk goes on; any other refusal is FAILURE and stops it, every
 * object not attempted getting FAILURE too; an offloaded object is OFFLOAD_PARTIAL_SUCCESS when a
 * dependent was not offloaded, else SUCCESS. It never touches a NetBufferListChain (PAR-2, PAR-3).
 */
final class TreeWalk {
  /** Decides on one object and, when it can, takes it over. */
  @FunctionalInterface
  interface Admission {
    /** SUCCESS when taken over, RESOURCES or FAILURE otherwise; {@code parent} is null for the root. */
    NdisStatus admit(OffloadBlockList node, OffloadBlockList parent);
  }

  private final Admission admission;
  private boolean stopped;

  private TreeWalk(Admission admission) {
    this.admission = admission;
  }

  static void walk(OffloadBlockList root, Admission admission) {
    new TreeWalk(admission).visit(root, null);
  }

  private boolean visit(OffloadBlockList node, OffloadBlockList parent) {
    if (stopped) {
      node.walk().forEach(b -> b.setStatus(NdisStatus.FAILURE));
      return false;
    }
    NdisStatus verdict = admission.admit(node, parent);
    if (verdict != NdisStatus.SUCCESS) {
      boolean resources = verdict == NdisStatus.RESOURCES;
      node.setStatus(resources ? NdisStatus.RESOURCES : NdisStatus.FAILURE);
      node.dependents().forEach(d -> d.walk().forEach(b -> b.setStatus(NdisStatus.FAILURE)));
      stopped = !resources || parent == null;
      return false;
    }
    boolean all = true;
    for (OffloadBlockList child : node.dependents()) {
      all &= visit(child, node);
    }
    node.setStatus(all ? NdisStatus.SUCCESS : NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
    return true;
  }
}
