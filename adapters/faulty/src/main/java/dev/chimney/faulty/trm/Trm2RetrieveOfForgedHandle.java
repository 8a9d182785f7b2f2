package dev.chimney.faulty.trm;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;

/** {@code faulty:TRM-2}: TcpIndicateRetrieve naming a handle the target made up. */
public final class Trm2RetrieveOfForgedHandle extends Fault {
  /** The name of the handle it makes up, as the host's logs will show it. */
  static final String FORGED = "forged-handle";

  public Trm2RetrieveOfForgedHandle() {
    super("TRM-2", null, "names a handle of its own making in TcpIndicateRetrieve, not the connection's");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
        super.tcpOffloadEvent(event == TcpOffloadEvent.INDICATE_RETRIEVE ? new NdisOffloadHandle(FORGED) : connection,
            event, reason);
      }
    };
  }
}
