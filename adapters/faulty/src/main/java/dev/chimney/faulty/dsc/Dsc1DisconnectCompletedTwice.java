package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NetBufferList;

/** {@code faulty:DSC-1}: completes every disconnect twice. */
public final class Dsc1DisconnectCompletedTwice extends Fault {
  public Dsc1DisconnectCompletedTwice() {
    super("DSC-1", null, "calls NdisTcpOffloadDisconnectComplete twice for every disconnect");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
        super.tcpOffloadDisconnectComplete(nbl);
        super.tcpOffloadDisconnectComplete(nbl);
      }
    };
  }
}
