package dev.chimney.faulty.snd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.List;

/**
 * {@code faulty:SND-3}: after failing its sends (an abortive disconnect), drains its send queue
 * once more: one segment of the next bytes never sent, from a list of the failed chain.
 */
public final class Snd3SendsAfterFailure extends Fault {
  /** Bytes of the segment it sends after the failure: the classic default MSS. */
  private static final int SEGMENT_BYTES = 536;

  public Snd3SendsAfterFailure() {
    super("SND-3", null, "sends data of a failed chain's later lists after the failure was reported");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void tcpOffloadSendComplete(NetBufferList chain) {
        List<NetBufferList> lists = NetBufferList.toList(chain);
        KnownConnection c = connections.bySend(lists.get(0)).orElse(null);
        super.tcpOffloadSendComplete(chain);
        boolean failed = lists.stream().anyMatch(l -> l.status() != NdisStatus.SUCCESS);
        if (c == null || !failed || c.sentEnd() == null || c.lastSent() == null) {
          return;
        }
        byte[] unsent = c.streamBytes(c.sentEnd(), SEGMENT_BYTES);
        if (unsent.length > 0) {
          Long ack = c.lastAckSent();
          int flags = ack == null ? TcpFlag.PSH.bit() : TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH);
          inject(new TcpSegment(c.local, c.remote, c.sentEnd(), ack == null ? 0 : ack, flags,
              c.lastSent().window(), TcpOptions.NONE, unsent));
        }
      }
    };
  }
}
