package dev.chimney.wire;

/** Byte offsets and fixed values of the IPv4 and TCP headers, as RFC 791 and RFC 9293 lay them out. */
final class Ipv4TcpLayout {
  static final int IP_VERSION_4 = 4;
  static final int PROTOCOL_TCP = 6;
  /** Header lengths count 32-bit words. */
  static final int WORD_BYTES = 4;

  static final int IP_MIN_HEADER = 20;
  static final int IP_TOTAL_LENGTH = 2;
  static final int IP_FLAGS_AND_FRAGMENT = 6;
  static final int IP_MORE_FRAGMENTS = 0x2000;
  static final int IP_FRAGMENT_OFFSET_MASK = 0x1FFF;
  static final int IP_PROTOCOL = 9;
  static final int IP_CHECKSUM = 10;
  static final int IP_SOURCE = 12;
  /** Source and destination address, as the TCP pseudo-header takes them. */
  static final int IP_ADDRESSES_LENGTH = 8;
  static final int IP_MAX_TOTAL_LENGTH = 0xFFFF;

  static final int TCP_MIN_HEADER = 20;
  static final int TCP_DATA_OFFSET = 12;
  static final int TCP_CHECKSUM = 16;

  private Ipv4TcpLayout() {}
}
