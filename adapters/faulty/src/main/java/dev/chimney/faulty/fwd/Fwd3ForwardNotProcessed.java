package dev.chimney.faulty.fwd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;

/**
 * {@code faulty:FWD-3:unprocessed}: completes forwarded lists without processing their segments.
 * The FWD-3 monitor does not catch it while the scripted peer retransmits the same bytes after its
 * retransmission timeout: the wire then delivers what the forward did not (see the meta-tests'
 * known misses).
 */
public final class Fwd3ForwardNotProcessed extends Fault {
  public Fwd3ForwardNotProcessed() {
    super("FWD-3", "unprocessed", "completes forwarded segments without processing them: nothing acknowledged, nothing delivered");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
        NetBufferList.toList(chain).forEach(l -> l.setStatus(NdisStatus.SUCCESS));
        later(() -> super.tcpOffloadForwardComplete(chain));
        return NdisStatus.PENDING;
      }
    };
  }
}
