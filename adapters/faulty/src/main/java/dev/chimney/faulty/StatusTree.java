package dev.chimney.faulty;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An initiate's tree as the NIC completed it, for faults that rewrite its statuses (PAR-4 to PAR-7). */
public final class StatusTree {
  private final Map<OffloadBlockList, OffloadBlockList> parents = new LinkedHashMap<>();

  /** The tree under {@code root}, every node's parent noted; walk order is parent first. */
  public StatusTree(OffloadBlockList root) {
    note(root, null);
  }

  private void note(OffloadBlockList node, OffloadBlockList parent) {
    parents.put(node, parent);
    node.dependents().forEach(child -> note(child, node));
  }

  /** Every node, parent first. */
  public List<OffloadBlockList> nodes() {
    return new ArrayList<>(parents.keySet());
  }

  /** The parent of {@code node}, or null for the root. */
  public OffloadBlockList parent(OffloadBlockList node) {
    return parents.get(node);
  }

  /** SUCCESS or OFFLOAD_PARTIAL_SUCCESS. */
  public static boolean offloaded(OffloadBlockList node) {
    return node.status() == NdisStatus.SUCCESS || node.status() == NdisStatus.OFFLOAD_PARTIAL_SUCCESS;
  }

  /**
   * Writes PARTIAL_SUCCESS or SUCCESS into every offloaded node again, from its direct dependents
   * (PAR-7), children before parents: what a correct walk writes once a fault changed a status below.
   */
  public void rewritePartialSuccess() {
    List<OffloadBlockList> bottomUp = nodes();
    Collections.reverse(bottomUp);
    for (OffloadBlockList node : bottomUp) {
      if (offloaded(node)) {
        boolean all = node.dependents().stream().allMatch(StatusTree::offloaded);
        node.setStatus(all ? NdisStatus.SUCCESS : NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
      }
    }
  }
}
