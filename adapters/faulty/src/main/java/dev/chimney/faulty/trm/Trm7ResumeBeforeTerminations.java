package dev.chimney.faulty.trm;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;

/** {@code faulty:TRM-7}: indicates OFFLOAD_RESUME right behind UPLOAD_ALL, before any termination. */
public final class Trm7ResumeBeforeTerminations extends Fault {
  public Trm7ResumeBeforeTerminations() {
    super("TRM-7", null, "indicates NDIS_STATUS_OFFLOAD_RESUME right after UPLOAD_ALL, before the terminations complete");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private boolean resumed;

      @Override
      public void indicateStatus(NdisStatus statusCode) {
        if (statusCode == NdisStatus.OFFLOAD_RESUME && resumed) {
          resumed = false;
          return;
        }
        super.indicateStatus(statusCode);
        if (statusCode == NdisStatus.UPLOAD_ALL) {
          resumed = true;
          super.indicateStatus(NdisStatus.OFFLOAD_RESUME);
        }
      }
    };
  }
}
