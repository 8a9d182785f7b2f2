package dev.chimney.nic;

import dev.chimney.spi.NetBufferList;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.TcpSegment;
import java.net.Inet4Address;
import java.util.Optional;

/**
 * Turns what arrives (IPv4 packets off the wire, bare TCP segments forwarded by the host) into
 * {@link TcpSegment}s without ever throwing at the host.
 */
final class InboundPackets {
  private static final int IPV4_HEADER_BYTES = 20;
  private static final int IPV4_VERSION = 4;
  private static final int TOTAL_LENGTH_OFFSET = 2;
  private static final int FLAGS_OFFSET = 6;
  private static final int TTL_OFFSET = 8;
  private static final int PROTOCOL_OFFSET = 9;
  private static final int CHECKSUM_OFFSET = 10;
  private static final int SOURCE_OFFSET = 12;
  private static final int DESTINATION_OFFSET = 16;
  private static final int PROTOCOL_TCP = 6;
  private static final int DONT_FRAGMENT = 0x4000;

  private InboundPackets() {}

  /** Whether {@code ipPacket} claims to be IPv4 carrying TCP; anything else is the host's. */
  static boolean claimsTcp(byte[] ipPacket) {
    return ipPacket.length >= IPV4_HEADER_BYTES
        && (ipPacket[0] >> 4 & 0xF) == IPV4_VERSION
        && ipPacket[PROTOCOL_OFFSET] == PROTOCOL_TCP;
  }

  /**
   * The segment of an IPv4/TCP packet, or empty when it is malformed (bad checksum, truncated).
   * The codec parses with a third-party library, so runtime exceptions count as malformed too: a
   * handler must never throw at the host.
   */
  static Optional<TcpSegment> decode(byte[] ipPacket) {
    try {
      return Optional.of(SegmentCodec.decode(ipPacket));
    } catch (MalformedPacketException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The segment a forwarded list holds (its first byte is the TCP header: FWD-4), read as if it
   * had come off the wire from {@code from} to {@code to}: it is wrapped in the IPv4 header it
   * arrived with, which the TCP checksum covers, and decoded.
   */
  static Optional<TcpSegment> decodeForwarded(NetBufferList list, Inet4Address from, Inet4Address to) {
    return decode(ipv4Around(list.data(), from, to));
  }

  private static byte[] ipv4Around(byte[] tcp, Inet4Address from, Inet4Address to) {
    byte[] packet = new byte[IPV4_HEADER_BYTES + tcp.length];
    int total = packet.length;
    packet[0] = (byte) (IPV4_VERSION << 4 | IPV4_HEADER_BYTES / 4);
    putShort(packet, TOTAL_LENGTH_OFFSET, total);
    putShort(packet, FLAGS_OFFSET, DONT_FRAGMENT);
    packet[TTL_OFFSET] = (byte) Transmitter.IP_TTL;
    packet[PROTOCOL_OFFSET] = PROTOCOL_TCP;
    System.arraycopy(from.getAddress(), 0, packet, SOURCE_OFFSET, 4);
    System.arraycopy(to.getAddress(), 0, packet, DESTINATION_OFFSET, 4);
    putShort(packet, CHECKSUM_OFFSET, headerChecksum(packet));
    System.arraycopy(tcp, 0, packet, IPV4_HEADER_BYTES, tcp.length);
    return packet;
  }

  private static void putShort(byte[] packet, int offset, int value) {
    packet[offset] = (byte) (value >> 8);
    packet[offset + 1] = (byte) value;
  }

  /** RFC 791: the one's complement of the one's complement sum of the header's 16-bit words. */
  private static int headerChecksum(byte[] packet) {
    int sum = 0;
    for (int i = 0; i < IPV4_HEADER_BYTES; i += 2) {
      sum += (packet[i] & 0xFF) << 8 | (packet[i + 1] & 0xFF);
    }
    while (sum >> 16 != 0) {
      sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return ~sum & 0xFFFF;
  }
}
