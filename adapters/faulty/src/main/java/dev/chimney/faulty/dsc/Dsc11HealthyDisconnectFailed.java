package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;

/**
 * {@code faulty:DSC-11}: fails every graceful disconnect with NDIS_STATUS_FAILURE, closing nothing;
 * {@code faulty:DSC-11:sends-outstanding}: only while sends are outstanding.
 */
public class Dsc11HealthyDisconnectFailed extends Fault {
  private final boolean withSendsOnly;

  public Dsc11HealthyDisconnectFailed() {
    this(false);
  }

  Dsc11HealthyDisconnectFailed(boolean withSendsOnly) {
    super("DSC-11", withSendsOnly ? "sends-outstanding" : null,
        "fails a graceful disconnect on a healthy connection" + (withSendsOnly ? " while sends are outstanding" : ""));
    this.withSendsOnly = withSendsOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
        boolean sendsOutstanding = connections.byContext(context).map(c -> !c.outstanding().isEmpty()).orElse(false);
        if (flags != DisconnectFlags.GRACEFUL_CLOSE || withSendsOnly && !sendsOutstanding) {
          return super.tcpOffloadDisconnect(context, nbl, flags);
        }
        nbl.setStatus(NdisStatus.FAILURE);
        later(() -> host().tcpOffloadDisconnectComplete(nbl));
        return NdisStatus.PENDING;
      }
    };
  }

  /** {@code faulty:DSC-11:sends-outstanding}. */
  public static final class SendsOutstanding extends Dsc11HealthyDisconnectFailed {
    public SendsOutstanding() {
      super(true);
    }
  }
}
