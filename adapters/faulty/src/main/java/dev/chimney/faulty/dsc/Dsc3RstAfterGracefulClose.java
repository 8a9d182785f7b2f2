package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code faulty:DSC-3}: a graceful disconnect that carried data ends with an RST once it completes
 * (an RST on a graceful close when data is pending).
 */
public final class Dsc3RstAfterGracefulClose extends Fault {
  public Dsc3RstAfterGracefulClose() {
    super("DSC-3", null, "sends an RST when a graceful disconnect that carried data completes");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Map<NetBufferList, KnownConnection> withData = new HashMap<>();

      @Override
      public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
        if (flags == DisconnectFlags.GRACEFUL_CLOSE && nbl.dataLength() > 0) {
          connections.byContext(context).ifPresent(c -> withData.put(nbl, c));
        }
        return super.tcpOffloadDisconnect(context, nbl, flags);
      }

      @Override
      public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
        super.tcpOffloadDisconnectComplete(nbl);
        KnownConnection c = withData.remove(nbl);
        if (c != null && nbl.status() == NdisStatus.SUCCESS && c.lastSent() != null) {
          inject(DscSegments.rst(c));
        }
      }
    };
  }
}
