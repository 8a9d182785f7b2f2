package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;

/**
 * {@code faulty:TOC-2}: leaves the Status of a terminated block list NDIS_STATUS_PENDING: neighbors
 * and paths always, a TCP object when it saw no disconnect (the host terminates TCP objects one by
 * one, so TCP block lists are where the fault shows).
 */
public final class Toc2StatusLeftPending extends Fault {
  public Toc2StatusLeftPending() {
    super("TOC-2", null, "leaves the Status of block lists NDIS_STATUS_PENDING on terminate");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        for (OffloadBlockList node : root.walk()) {
          boolean idleTcp = node.stateType() == OffloadStateType.TCP
              && connections.byHandle(node.ndisOffloadHandle()).map(c -> !c.disconnectRequested()).orElse(false);
          if (node.stateType() != OffloadStateType.TCP || idleTcp) {
            node.setStatus(NdisStatus.PENDING);
          }
        }
        super.terminateOffloadComplete(root);
      }
    };
  }
}
