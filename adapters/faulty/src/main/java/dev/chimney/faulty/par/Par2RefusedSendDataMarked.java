package dev.chimney.faulty.par;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.StatusTree;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;

/** {@code faulty:PAR-2}: marks the send lists of an object it failed with NDIS_STATUS_FAILURE. */
public final class Par2RefusedSendDataMarked extends Fault {
  public Par2RefusedSendDataMarked() {
    super("PAR-2", null, "writes NDIS_STATUS_FAILURE into the send lists of a TCP object whose offload failed");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void initiateOffloadComplete(OffloadBlockList root) {
        for (OffloadBlockList node : root.walk()) {
          if (!StatusTree.offloaded(node)) {
            NetBufferList.toList(node.netBufferListChain()).forEach(l -> l.setStatus(NdisStatus.FAILURE));
          }
        }
        super.initiateOffloadComplete(root);
      }
    };
  }
}
