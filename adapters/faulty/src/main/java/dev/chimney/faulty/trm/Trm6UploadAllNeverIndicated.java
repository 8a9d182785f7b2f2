package dev.chimney.faulty.trm;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;

/** {@code faulty:TRM-6}: asked to give every connection back, never indicates UPLOAD_ALL. */
public final class Trm6UploadAllNeverIndicated extends Fault {
  public Trm6UploadAllNeverIndicated() {
    super("TRM-6", null, "never indicates NDIS_STATUS_UPLOAD_ALL when it should give every connection back");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void requestUploadAll() {
        // the fault: the request is dropped, so the NIC never indicates UPLOAD_ALL
      }
    };
  }
}
