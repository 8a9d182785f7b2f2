package dev.chimney.faulty.fwd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code faulty:FWD-1}: processes forwarded segments at once and returns NDIS_STATUS_SUCCESS, so it
 * owes (and makes) no completion.
 */
public final class Fwd1ForwardReturnsSuccess extends Fault {
  public Fwd1ForwardReturnsSuccess() {
    super("FWD-1", null, "returns NDIS_STATUS_SUCCESS from MiniportTcpOffloadForward instead of PENDING");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Set<NetBufferList> answered = new HashSet<>();

      @Override
      public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
        super.tcpOffloadForward(context, chain);
        answered.add(chain);
        return NdisStatus.SUCCESS;
      }

      @Override
      public void tcpOffloadForwardComplete(NetBufferList chain) {
        if (!answered.remove(chain)) {
          super.tcpOffloadForwardComplete(chain);
        }
      }
    };
  }
}
