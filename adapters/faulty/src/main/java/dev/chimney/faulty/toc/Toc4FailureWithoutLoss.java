package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;

/** {@code faulty:TOC-4}: terminates a connection that saw no disconnect with NDIS_STATUS_FAILURE. */
public final class Toc4FailureWithoutLoss extends Fault {
  public Toc4FailureWithoutLoss() {
    super("TOC-4", null, "completes the terminate of a connection without a disconnect with NDIS_STATUS_FAILURE, though it lost nothing");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          if (!c.disconnectRequested()) {
            node.setStatus(NdisStatus.FAILURE);
          }
        });
        super.terminateOffloadComplete(root);
      }
    };
  }
}
