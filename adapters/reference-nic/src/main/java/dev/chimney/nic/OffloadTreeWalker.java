package dev.chimney.nic;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;

/**
 * Walks an initiate's state tree parent first and writes every block list's Status (PAR-1,
 * PAR-4 to PAR-7):
 *
 * <ul>
 *   <li>an object refused for resources gets RESOURCES and the walk goes on with its siblings;
 *   <li>an object refused for any other reason gets FAILURE and the walk stops: every object not
 *       yet attempted gets FAILURE too; so does everything when the root is refused;
 *   <li>the dependents of a refused object are not attempted and get FAILURE;
 *   <li>an offloaded object gets OFFLOAD_PARTIAL_SUCCESS when a dependent was not offloaded, else
 *       SUCCESS.
 * </ul>
 *
 * <p>It never touches a block list's NetBufferListChain (PAR-2, PAR-3): that is the admission's.
 */
final class OffloadTreeWalker {
  /** Decides on one object and, when it can, takes it over. */
  @FunctionalInterface
  interface Admission {
    /**
     * @param node the object to offload
     * @param parent its parent, already offloaded; null for the root
     * @return SUCCESS when taken over, RESOURCES when out of resources, FAILURE otherwise
     */
    NdisStatus admit(OffloadBlockList node, OffloadBlockList parent);
  }

  private final Admission admission;
  private boolean stopped;

  private OffloadTreeWalker(Admission admission) {
    this.admission = admission;
  }

  /** Walks the tree under {@code root}, writing every Status. */
  static void walk(OffloadBlockList root, Admission admission) {
    new OffloadTreeWalker(admission).visit(root, null);
  }

  /** Returns whether {@code node} was offloaded. */
  private boolean visit(OffloadBlockList node, OffloadBlockList parent) {
    if (stopped) {
      failUnattempted(node);
      return false;
    }
    NdisStatus verdict = admission.admit(node, parent);
    if (verdict != NdisStatus.SUCCESS) {
      boolean resources = verdict == NdisStatus.RESOURCES;
      node.setStatus(resources ? NdisStatus.RESOURCES : NdisStatus.FAILURE);
      node.dependents().forEach(OffloadTreeWalker::failUnattempted);
      stopped = !resources || parent == null;
      return false;
    }
    boolean allDependentsOffloaded = true;
    for (OffloadBlockList child : node.dependents()) {
      allDependentsOffloaded &= visit(child, node);
    }
    node.setStatus(allDependentsOffloaded ? NdisStatus.SUCCESS : NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
    return true;
  }

  private static void failUnattempted(OffloadBlockList subtree) {
    subtree.walk().forEach(b -> b.setStatus(NdisStatus.FAILURE));
  }
}
