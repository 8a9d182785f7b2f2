package dev.chimney.nic;

import dev.chimney.spi.Link;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.TcpSegment;

/**
 * Puts the engine's own segments on the link. One per adapter, so IP identifications are unique
 * across its connections and the same from run to run.
 */
final class Transmitter {
  /** The TTL of the target's packets: the common default of host stacks. */
  static final int IP_TTL = 64;

  private static final int IP_ID_MASK = 0xFFFF;

  private final Link link;
  private int nextIpId;

  Transmitter(Link link) {
    this.link = link;
  }

  /** Encodes {@code segment} with the next IP identification and transmits it. */
  void send(TcpSegment segment) {
    link.transmit(SegmentCodec.encode(segment, nextIpId, IP_TTL));
    nextIpId = (nextIpId + 1) & IP_ID_MASK;
  }
}
