package dev.chimney.wire;

/**
 * The RFC 1071 ones'-complement checksum used by the IPv4 header and by TCP. Computed here rather
 * than asked of pcap4j because a failed check must report the value the sender should have
 * written, and pcap4j only answers valid or not.
 */
final class InternetChecksum {
  private static final int WORD_MASK = 0xFFFF;
  private static final int CHECKSUM_FIELD_LENGTH = 2;

  private InternetChecksum() {}

  /**
   * The checksum the IPv4 header at the start of {@code packet} should carry: computed over the
   * header without its checksum field.
   */
  static int expectedIpV4(byte[] packet, int headerLength) {
    int sum = sumSkippingField(packet, 0, headerLength, Ipv4TcpLayout.IP_CHECKSUM, 0);
    return ~sum & WORD_MASK;
  }

  /**
   * The checksum the TCP segment at {@code tcpOffset} should carry: computed over the
   * pseudo-header (addresses, zero, protocol, TCP length) and the segment without its checksum
   * field.
   */
  static int expectedTcp(byte[] packet, int tcpOffset, int tcpLength) {
    int pseudo = sum(packet, Ipv4TcpLayout.IP_SOURCE, Ipv4TcpLayout.IP_ADDRESSES_LENGTH,
        Ipv4TcpLayout.PROTOCOL_TCP + tcpLength);
    int sum = sumSkippingField(packet, tcpOffset, tcpLength, Ipv4TcpLayout.TCP_CHECKSUM, pseudo);
    return ~sum & WORD_MASK;
  }

  /**
   * Whether a checksum field holding {@code actual} verifies when {@code expected} is the computed
   * value. Besides equality, 0xFFFF verifies where 0x0000 was computed: both are ones'-complement
   * zero, and a receiver that sums the whole header accepts either.
   */
  static boolean verifies(int actual, int expected) {
    return actual == expected || (expected == 0 && actual == WORD_MASK);
  }

  /** The 16-bit big-endian word at {@code offset}. */
  static int word(byte[] data, int offset) {
    return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
  }

  private static int sumSkippingField(byte[] data, int offset, int length, int fieldOffset, int initial) {
    int before = sum(data, offset, fieldOffset, initial);
    int afterStart = fieldOffset + CHECKSUM_FIELD_LENGTH;
    return sum(data, offset + afterStart, length - afterStart, before);
  }

  private static int sum(byte[] data, int offset, int length, int initial) {
    long sum = initial;
    int end = offset + length;
    int i = offset;
    for (; i + 1 < end; i += 2) {
      sum += word(data, i);
    }
    if (i < end) {
      sum += (data[i] & 0xFF) << 8;
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & WORD_MASK) + (sum >>> 16);
    }
    return (int) sum;
  }
}
