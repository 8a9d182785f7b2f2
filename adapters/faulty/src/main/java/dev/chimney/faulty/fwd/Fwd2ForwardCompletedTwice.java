package dev.chimney.faulty.fwd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NetBufferList;

/** {@code faulty:FWD-2}: completes every forwarded list twice. */
public final class Fwd2ForwardCompletedTwice extends Fault {
  public Fwd2ForwardCompletedTwice() {
    super("FWD-2", null, "completes every forwarded NET_BUFFER_LIST twice");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void tcpOffloadForwardComplete(NetBufferList chain) {
        super.tcpOffloadForwardComplete(chain);
        super.tcpOffloadForwardComplete(chain);
      }
    };
  }
}
