package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;

/** {@code faulty:TOC-2}: writes the Status of TCP block lists only; neighbors and paths stay PENDING. */
public final class Toc2StatusLeftPending extends Fault {
  public Toc2StatusLeftPending() {
    super("TOC-2", null, "leaves the Status of neighbor and path block lists NDIS_STATUS_PENDING on terminate");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        for (OffloadBlockList node : root.walk()) {
          if (node.stateType() != OffloadStateType.TCP) {
            node.setStatus(NdisStatus.PENDING);
          }
        }
        super.terminateOffloadComplete(root);
      }
    };
  }
}
