package dev.chimney.faulty.par;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.PathState;

/** {@code faulty:PAR-1}: fails a tree it cannot wholly offload from the handler, instead of in the block lists. */
public final class Par1FailedFromHandler extends Fault {
  public Par1FailedFromHandler() {
    super("PAR-1", null, "returns NDIS_STATUS_FAILURE from MiniportInitiateOffload when a path is not its own, writing no Status");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public NdisStatus initiateOffload(OffloadBlockList root) {
        boolean foreignPath = root.walk().stream()
            .anyMatch(n -> n.state() instanceof PathState p && !p.sourceAddress().equals(localAddress()));
        return foreignPath ? NdisStatus.FAILURE : super.initiateOffload(root);
      }
    };
  }
}
