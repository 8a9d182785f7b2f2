package dev.chimney.faulty.par;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.StatusTree;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;

/**
 * {@code faulty:PAR-6}: treats a lack of resources like any failure and stops walking: every object
 * after the first RESOURCES is reported NDIS_STATUS_FAILURE. Paths hold no state in the NIC, and it
 * takes no connection after a RESOURCES anyway, being at its limit: the statuses are what such a
 * walk writes.
 */
public final class Par6WalkStopsAtResources extends Fault {
  public Par6WalkStopsAtResources() {
    super("PAR-6", null, "stops walking the tree at the first object that lacks resources");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void initiateOffloadComplete(OffloadBlockList root) {
        StatusTree tree = new StatusTree(root);
        boolean stopped = false;
        for (OffloadBlockList node : tree.nodes()) {
          if (stopped && !(node.stateType() == OffloadStateType.TCP && StatusTree.offloaded(node))) {
            node.setStatus(NdisStatus.FAILURE);
          }
          stopped |= node.status() == NdisStatus.RESOURCES;
        }
        tree.rewritePartialSuccess();
        super.initiateOffloadComplete(root);
      }
    };
  }
}
