package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code faulty:DSC-8}: holds its FIN back until the peer has acknowledged the data before it
 * (a FIN on a data segment goes out without the flag, and the FIN follows alone). A terminate
 * flushes a held FIN first, so the state handed back still matches the wire.
 */
public final class Dsc8FinHeldForAck extends Fault {
  public Dsc8FinHeldForAck() {
    super("DSC-8", null, "holds its FIN back until the peer has acknowledged all the data before it");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Map<KnownConnection, TcpSegment> heldFins = new HashMap<>();

      @Override
      public void transmit(byte[] ipPacket) {
        TcpSegment s = decode(ipPacket).orElse(null);
        KnownConnection c = s == null ? null : connections.bySegment(s).orElse(null);
        if (c == null || !s.has(TcpFlag.FIN) || !dataUnacknowledged(c, s)) {
          super.transmit(ipPacket);
          return;
        }
        int withoutFin = s.flags() & ~TcpFlag.FIN.bit();
        heldFins.put(c, new TcpSegment(s.source(), s.destination(), s.seq() + s.payloadLength(), s.ack(), TcpFlag.FIN.bit() | TcpFlag.ACK.bit(),
            s.window(), s.options(), new byte[0]));
        if (s.payloadLength() > 0) {
          inject(new TcpSegment(s.source(), s.destination(), s.seq(), s.ack(), withoutFin, s.window(), s.options(), s.payload()));
        }
      }

      /** Whether data goes out with the FIN, or data sent before it awaits the peer's ACK. */
      private boolean dataUnacknowledged(KnownConnection c, TcpSegment fin) {
        Long sent = c.sentEnd();
        return fin.payloadLength() > 0
            || sent != null && (c.peerAck() == null || SeqNum.gt(sent, c.peerAck()));
      }

      @Override
      public void receiveFromWire(byte[] ipPacket) {
        super.receiveFromWire(ipPacket);
        heldFins.entrySet().removeIf(e -> {
          KnownConnection c = e.getKey();
          boolean acked = c.peerAck() != null && !SeqNum.gt(e.getValue().seq(), c.peerAck());
          if (acked) {
            inject(e.getValue());
          }
          return acked;
        });
      }

      @Override
      public NdisStatus terminateOffload(OffloadBlockList root) {
        for (KnownConnection c : connections.in(root)) {
          TcpSegment fin = heldFins.remove(c);
          if (fin != null) {
            inject(fin);
          }
        }
        return super.terminateOffload(root);
      }
    };
  }
}
