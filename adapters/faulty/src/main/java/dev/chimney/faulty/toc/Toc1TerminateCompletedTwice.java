package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.OffloadBlockList;

/** {@code faulty:TOC-1}: completes every terminate twice. */
public final class Toc1TerminateCompletedTwice extends Fault {
  public Toc1TerminateCompletedTwice() {
    super("TOC-1", null, "calls NdisMTerminateOffloadComplete twice for every terminate");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        super.terminateOffloadComplete(root);
        super.terminateOffloadComplete(root);
      }
    };
  }
}
