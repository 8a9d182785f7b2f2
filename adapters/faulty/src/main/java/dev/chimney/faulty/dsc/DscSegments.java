package dev.chimney.faulty.dsc;

import dev.chimney.faulty.KnownConnection;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;

/** Segments the DSC faults make up, on a connection, from the last segment the target sent on it. */
final class DscSegments {
  private DscSegments() {}

  /** A bare RST at the target's next sequence number, acknowledging nothing, as the NIC's abortive RST. */
  static TcpSegment rst(KnownConnection c) {
    TcpSegment last = c.lastSent();
    return new TcpSegment(c.local, c.remote, last.seqEnd(), 0, TcpFlag.RST.bit(), 0, TcpOptions.NONE, new byte[0]);
  }

  /** A pure ACK of everything up to {@code ack}, at the target's next sequence number. */
  static TcpSegment ack(KnownConnection c, long ack) {
    TcpSegment last = c.lastSent();
    return new TcpSegment(c.local, c.remote, last.seqEnd(), ack, TcpFlag.ACK.bit(), last.window(), TcpOptions.NONE,
        new byte[0]);
  }
}
