package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code faulty:TOC-9}: sends its last segment on a connection once more after the terminate
 * completed, as a timer that outlived the upload would; {@code faulty:TOC-9:data-in-flight}: only a
 * data segment, when data was unacknowledged at the terminate (a retransmission timer).
 */
public class Toc9SegmentAfterTerminate extends Fault {
  private final boolean dataInFlightOnly;

  public Toc9SegmentAfterTerminate() {
    this(false);
  }

  Toc9SegmentAfterTerminate(boolean dataInFlightOnly) {
    super("TOC-9", dataInFlightOnly ? "data-in-flight" : null, dataInFlightOnly
        ? "retransmits unacknowledged data after the terminate completed"
        : "sends its last segment again after the terminate completed");
    this.dataInFlightOnly = dataInFlightOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final List<TcpSegment> lastData = new ArrayList<>();

      @Override
      public void transmit(byte[] ipPacket) {
        decode(ipPacket).filter(s -> s.payloadLength() > 0).ifPresent(lastData::add);
        super.transmit(ipPacket);
      }

      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        List<TcpSegment> late = new ArrayList<>();
        connections.forEachTcp(root, (node, c) -> {
          TcpSegment s = dataInFlightOnly ? inFlight(c) : c.lastSent();
          if (s != null) {
            late.add(s);
          }
        });
        super.terminateOffloadComplete(root);
        late.forEach(this::inject);
      }

      private TcpSegment inFlight(KnownConnection c) {
        for (int i = lastData.size() - 1; i >= 0; i--) {
          TcpSegment s = lastData.get(i);
          if (c.carries(s)) {
            return c.peerAck() == null || SeqNum.gt(s.seqEnd(), c.peerAck()) ? s : null;
          }
        }
        return null;
      }
    };
  }

  /** {@code faulty:TOC-9:data-in-flight}. */
  public static final class DataInFlight extends Toc9SegmentAfterTerminate {
    public DataInFlight() {
      super(true);
    }
  }
}
