package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import java.util.HashSet;
import java.util.Set;

/** {@code faulty:TOC-1:disconnect-pending}: never completes a terminate that came while a graceful disconnect was pending. */
public final class Toc1TerminateNeverCompleted extends Fault {
  public Toc1TerminateNeverCompleted() {
    super("TOC-1", "disconnect-pending", "never completes a terminate requested while a graceful disconnect is pending");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Set<OffloadBlockList> dropped = new HashSet<>();

      @Override
      public NdisStatus terminateOffload(OffloadBlockList root) {
        if (connections.in(root).stream().anyMatch(c -> c.pendingDisconnectFlags() == DisconnectFlags.GRACEFUL_CLOSE)) {
          dropped.add(root);
        }
        return super.terminateOffload(root);
      }

      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        if (!dropped.remove(root)) {
          super.terminateOffloadComplete(root);
        }
      }
    };
  }
}
