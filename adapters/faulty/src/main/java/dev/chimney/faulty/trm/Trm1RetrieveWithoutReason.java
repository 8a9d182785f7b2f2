package dev.chimney.faulty.trm;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;

/** {@code faulty:TRM-1}: TcpIndicateRetrieve without a TCP_UPLOAD_REASON. */
public final class Trm1RetrieveWithoutReason extends Fault {
  public Trm1RetrieveWithoutReason() {
    super("TRM-1", null, "indicates TcpIndicateRetrieve without a TCP_UPLOAD_REASON");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
        super.tcpOffloadEvent(connection, event, event == TcpOffloadEvent.INDICATE_RETRIEVE ? null : reason);
      }
    };
  }
}
