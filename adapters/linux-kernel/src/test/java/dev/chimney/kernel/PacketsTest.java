package dev.chimney.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The IPv4 and TCP the target writes itself: a wrong checksum makes the kernel drop the packet silently. */
class PacketsTest {
  private static final Inet4Address PEER = address("198.51.100.20");
  private static final Inet4Address TARGET = address("192.0.2.10");

  /** A 20-byte TCP header 80 > 40001, seq 1000, ack 2000, ACK|PSH, window 512, and 3 data bytes (odd: the padding case). */
  private static byte[] segment() {
    return new byte[] {0, 80, (byte) 0x9c, 0x41, 0, 0, 0x03, (byte) 0xe8, 0, 0, 0x07, (byte) 0xd0,
        0x50, 0x18, 0x02, 0x00, 0x12, 0x34, 0, 0, 'a', 'b', 'c'};
  }

  @Test
  void aForwardedSegmentGetsAnIpv4HeaderWithBothChecksumsRight() {
    byte[] p = Packets.ipv4(PEER, TARGET, segment());

    assertThat(p).as("length").hasSize(20 + 23);
    assertThat(Packets.checksumsValid(p)).as("IPv4 and TCP checksums of %s", java.util.HexFormat.of().formatHex(p)).isTrue();
    p[p.length - 1] ^= 1;
    assertThat(Packets.checksumsValid(p)).as("checksums after a flipped payload bit").isFalse();
  }

  @Test
  void aPacketIsAttributedToItsConnectionFromTheReceiversSide() {
    byte[] p = Packets.ipv4(PEER, TARGET, segment());

    assertThat(Packets.inbound(p)).isEqualTo(new Packets.Tuple(TARGET, 40001, PEER, 80));
    assertThat(Packets.ackNumber(p)).as("acknowledgment number").isEqualTo(2000);
  }

  @Test
  void whatIsNotTcpOverIpv4BelongsToNoConnection() {
    byte[] p = Packets.ipv4(PEER, TARGET, segment());
    p[9] = 17;

    assertThat(Packets.inbound(p)).as("UDP").isNull();
    assertThat(Packets.inbound(new byte[] {0x60, 0, 0, 0})).as("IPv6 fragment").isNull();
  }

  private static Inet4Address address(String text) {
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
