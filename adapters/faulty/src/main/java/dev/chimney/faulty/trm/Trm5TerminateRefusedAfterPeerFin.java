package dev.chimney.faulty.trm;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;

/** {@code faulty:TRM-5}: refuses a terminate once the peer's FIN has arrived. */
public final class Trm5TerminateRefusedAfterPeerFin extends Fault {
  public Trm5TerminateRefusedAfterPeerFin() {
    super("TRM-5", null, "refuses MiniportTerminateOffload with NDIS_STATUS_INVALID_STATE once the peer's FIN arrived");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public NdisStatus terminateOffload(OffloadBlockList root) {
        if (connections.in(root).stream().anyMatch(KnownConnection::peerFin)) {
          return NdisStatus.INVALID_STATE;
        }
        return super.terminateOffload(root);
      }
    };
  }
}
