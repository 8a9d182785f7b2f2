package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.wire.TcpSegment;

/** {@code faulty:DSC-3:after-peer-fin}: answers peer data that follows the peer's FIN with an RST. */
public final class Dsc3RstAfterPeerFin extends Fault {
  public Dsc3RstAfterPeerFin() {
    super("DSC-3", "after-peer-fin", "answers data arriving after the peer's FIN with an RST");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void receiveFromWire(byte[] ipPacket) {
        TcpSegment s = decode(ipPacket).orElse(null);
        KnownConnection c = s == null ? null : connections.bySegment(s).orElse(null);
        boolean afterFin = c != null && c.peerFin() && !c.terminating() && !c.terminated() && s.payloadLength() > 0;
        super.receiveFromWire(ipPacket);
        if (afterFin && c.lastSent() != null) {
          inject(DscSegments.rst(c));
        }
      }
    };
  }
}
