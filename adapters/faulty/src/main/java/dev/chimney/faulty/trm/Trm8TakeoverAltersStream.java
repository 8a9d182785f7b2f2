package dev.chimney.faulty.trm;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.wire.TcpSegment;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code faulty:TRM-8}: a NIC that takes a connection over with send data (the failover's second
 * NIC) garbles the first data segment it sends, so the peer gets other bytes where the first NIC
 * had already put some.
 */
public final class Trm8TakeoverAltersStream extends Fault {
  /** XORed into every byte of the garbled segment. */
  private static final int GARBLE = 0x5A;

  public Trm8TakeoverAltersStream() {
    super("TRM-8", null, "garbles the first data segment of a connection it took over with send data (failover)");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Set<KnownConnection> garbled = new HashSet<>();

      @Override
      public void transmit(byte[] ipPacket) {
        TcpSegment s = decode(ipPacket).orElse(null);
        KnownConnection c = s == null ? null : connections.bySegment(s).orElse(null);
        if (c == null || !c.tookOverSendData || s.payloadLength() == 0 || !garbled.add(c)) {
          super.transmit(ipPacket);
          return;
        }
        byte[] payload = s.payload();
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= GARBLE;
        }
        inject(new TcpSegment(s.source(), s.destination(), s.seq(), s.ack(), s.flags(), s.window(), s.options(), payload));
      }
    };
  }
}
