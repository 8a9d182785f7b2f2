package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;

/** {@code faulty:DSC-9}: once it has sent its FIN, drops the peer's data: the FIN closed both halves. */
public final class Dsc9DataAfterFinDropped extends Fault {
  public Dsc9DataAfterFinDropped() {
    super("DSC-9", null, "drops the peer's data once it has sent its own FIN, closing the receive half too");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void receiveFromWire(byte[] ipPacket) {
        TcpSegment s = decode(ipPacket).orElse(null);
        KnownConnection c = s == null ? null : connections.bySegment(s).orElse(null);
        boolean dropped = c != null && c.finSent() && !c.terminating() && !c.terminated() && s.payloadLength() > 0
            && !s.has(TcpFlag.FIN) && !s.has(TcpFlag.RST);
        if (!dropped) {
          super.receiveFromWire(ipPacket);
        }
      }
    };
  }
}
