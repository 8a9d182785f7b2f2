package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;

/**
 * {@code faulty:DSC-12}: after a failed disconnect, waits for a second one that never comes and
 * so fails the connection's terminate with NDIS_STATUS_FAILURE.
 */
public final class Dsc12TerminateFailsAfterFailedDisconnect extends Fault {
  public Dsc12TerminateFailsAfterFailedDisconnect() {
    super("DSC-12", null, "fails the terminate of a connection whose disconnect failed, as if waiting for a second disconnect");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          if (c.disconnectFailed()) {
            node.setStatus(NdisStatus.FAILURE);
          }
        });
        super.terminateOffloadComplete(root);
      }
    };
  }
}
