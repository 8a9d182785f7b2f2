package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code faulty:DSC-7}: a graceful disconnect drops the data it carries: its FIN comes where that
 * data should have begun; {@code faulty:DSC-7:sends-outstanding}: only while other sends are outstanding.
 */
public class Dsc7DisconnectDataDropped extends Fault {
  private final boolean withSendsOnly;

  public Dsc7DisconnectDataDropped() {
    this(false);
  }

  Dsc7DisconnectDataDropped(boolean withSendsOnly) {
    super("DSC-7", withSendsOnly ? "sends-outstanding" : null,
        "drops the data of a graceful disconnect and sends the FIN in its place"
            + (withSendsOnly ? ", when sends are outstanding" : ""));
    this.withSendsOnly = withSendsOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      /** The empty list the NIC was given, and the host's list it stands for. */
      private final Map<NetBufferList, NetBufferList> standIns = new HashMap<>();

      @Override
      public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
        boolean sendsOutstanding = connections.byContext(context).map(c -> !c.outstanding().isEmpty()).orElse(false);
        if (flags != DisconnectFlags.GRACEFUL_CLOSE || nbl.dataLength() == 0 || withSendsOnly && !sendsOutstanding) {
          return super.tcpOffloadDisconnect(context, nbl, flags);
        }
        NetBufferList empty = emptyList();
        standIns.put(empty, nbl);
        return passDisconnect(context, nbl, empty, flags);
      }

      @Override
      public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
        NetBufferList original = standIns.remove(nbl);
        if (original == null) {
          super.tcpOffloadDisconnectComplete(nbl);
          return;
        }
        original.setStatus(nbl.status());
        super.tcpOffloadDisconnectComplete(original);
      }
    };
  }

  /** {@code faulty:DSC-7:sends-outstanding}. */
  public static final class SendsOutstanding extends Dsc7DisconnectDataDropped {
    public SendsOutstanding() {
      super(true);
    }
  }
}
