package dev.chimney.wire;

/**
 * Encodes {@link TcpSegment}s into IPv4 packets and decodes them back, with pcap4j's packet
 * classes. Encoding computes the IPv4 header checksum and the TCP checksum; decoding checks both.
 */
public final class SegmentCodec {
  private SegmentCodec() {}

  /**
   * The IPv4 packet carrying {@code segment}: IHL 5, DF set, TTL {@code ttl}, identification
   * {@code ipId}, options padded to 4 bytes, both checksums correct.
   */
  public static byte[] encode(TcpSegment segment, int ipId, int ttl) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The segment in {@code ipPacket}.
   *
   * @throws MalformedPacketException if it is not IPv4, not TCP, truncated, or a checksum is wrong;
   *     the message names the field, the expected and the actual value
   */
  public static TcpSegment decode(byte[] ipPacket) throws MalformedPacketException {
    throw new UnsupportedOperationException("TODO");
  }
}
