package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.wire.TcpSegment;

/** {@code faulty:DSC-5}: acknowledges data that arrives after the abortive disconnect was requested. */
public final class Dsc5AckAfterAbort extends Fault {
  public Dsc5AckAfterAbort() {
    super("DSC-5", null, "acknowledges a segment that arrives after the abortive disconnect was requested");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void receiveFromWire(byte[] ipPacket) {
        super.receiveFromWire(ipPacket);
        TcpSegment s = decode(ipPacket).orElse(null);
        KnownConnection c = s == null ? null : connections.bySegment(s).orElse(null);
        if (c != null && c.abortiveRequested() && !c.terminated() && s.payloadLength() > 0 && c.lastSent() != null) {
          inject(DscSegments.ack(c, s.seqEnd()));
        }
      }
    };
  }
}
