package dev.chimney.faulty.par;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.StatusTree;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.PathState;

/**
 * {@code faulty:PAR-5}: walks on after a failure other than resources: every later object it could
 * offload (a path from its own address, a connection under an offloaded path) is reported offloaded.
 * The statuses are what such a walk writes; the NIC underneath keeps only what it really took.
 */
public final class Par5WalkGoesOnAfterFailure extends Fault {
  public Par5WalkGoesOnAfterFailure() {
    super("PAR-5", null, "goes on walking the tree after a failure other than resources");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void initiateOffloadComplete(OffloadBlockList root) {
        StatusTree tree = new StatusTree(root);
        boolean stopped = false;
        for (OffloadBlockList node : tree.nodes()) {
          OffloadBlockList parent = tree.parent(node);
          boolean attempted = parent != null && StatusTree.offloaded(parent);
          if (stopped && attempted && node.status() == NdisStatus.FAILURE && ownPathOrConnection(node)) {
            node.setStatus(NdisStatus.SUCCESS);
          } else if (attempted && node.status() == NdisStatus.FAILURE) {
            stopped = true;
          }
        }
        tree.rewritePartialSuccess();
        super.initiateOffloadComplete(root);
      }

      private boolean ownPathOrConnection(OffloadBlockList node) {
        return !(node.state() instanceof PathState p) || p.sourceAddress().equals(localAddress());
      }
    };
  }
}
