package dev.chimney.faulty.fwd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code faulty:FWD-3}: processes forwarded segments, so their data is acknowledged on the wire,
 * but never hands that data to the host: it swallows the receive indications that would carry it
 * (telling the NIC the host consumed them).
 */
public final class Fwd3ForwardedDataNotDelivered extends Fault {
  /** Where a TCP header keeps its length: the high nibble of byte 12, in 32-bit words. */
  private static final int DATA_OFFSET_BYTE = 12;
  private static final int WORD_BYTES = 4;

  public Fwd3ForwardedDataNotDelivered() {
    super("FWD-3", null, "acknowledges forwarded data but never hands it to the host");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      /** Forwarded bytes still to swallow, by connection. */
      private final Map<NdisOffloadHandle, Long> owed = new HashMap<>();

      @Override
      public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
        long bytes = NetBufferList.toList(chain).stream().mapToLong(l -> payloadOf(l.firstBuffer().data())).sum();
        connections.byContext(context).ifPresent(c -> owed.merge(c.handle, bytes, Long::sum));
        return super.tcpOffloadForward(context, chain);
      }

      @Override
      public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
        long left = owed.getOrDefault(connection, 0L);
        if (left <= 0) {
          return super.tcpOffloadReceiveIndicate(connection, nbl, status);
        }
        owed.put(connection, left - nbl.dataLength());
        return nbl.dataLength();
      }
    };
  }

  private static long payloadOf(byte[] segment) {
    if (segment.length <= DATA_OFFSET_BYTE) {
      return 0;
    }
    int headerBytes = ((segment[DATA_OFFSET_BYTE] & 0xF0) >> 4) * WORD_BYTES;
    return Math.max(0, segment.length - headerBytes);
  }
}
