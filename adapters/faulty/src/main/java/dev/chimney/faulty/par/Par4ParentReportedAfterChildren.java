package dev.chimney.faulty.par;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.StatusTree;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;
import java.util.List;

/**
 * {@code faulty:PAR-4}: in a tree of two or more paths, walks children first: the last path runs
 * out of resources after its connections were offloaded, so they are offloaded under a parent that
 * is not. The parents' PARTIAL_SUCCESS is rewritten to match, so PAR-7 holds.
 */
public final class Par4ParentReportedAfterChildren extends Fault {
  public Par4ParentReportedAfterChildren() {
    super("PAR-4", null, "offloads a path's connections before the path, then reports the path NDIS_STATUS_RESOURCES");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void initiateOffloadComplete(OffloadBlockList root) {
        StatusTree tree = new StatusTree(root);
        List<OffloadBlockList> paths = tree.nodes().stream().filter(n -> n.stateType() == OffloadStateType.PATH).toList();
        if (paths.size() >= 2) {
          OffloadBlockList last = paths.get(paths.size() - 1);
          if (StatusTree.offloaded(last) && !last.dependents().isEmpty()
              && last.dependents().stream().allMatch(StatusTree::offloaded)) {
            last.setStatus(NdisStatus.RESOURCES);
            tree.rewritePartialSuccess();
          }
        }
        super.initiateOffloadComplete(root);
      }
    };
  }
}
