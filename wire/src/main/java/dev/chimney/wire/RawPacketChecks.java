package dev.chimney.wire;

import static dev.chimney.wire.Ipv4TcpLayout.IP_CHECKSUM;
import static dev.chimney.wire.Ipv4TcpLayout.IP_FLAGS_AND_FRAGMENT;
import static dev.chimney.wire.Ipv4TcpLayout.IP_FRAGMENT_OFFSET_MASK;
import static dev.chimney.wire.Ipv4TcpLayout.IP_MIN_HEADER;
import static dev.chimney.wire.Ipv4TcpLayout.IP_MORE_FRAGMENTS;
import static dev.chimney.wire.Ipv4TcpLayout.IP_PROTOCOL;
import static dev.chimney.wire.Ipv4TcpLayout.IP_TOTAL_LENGTH;
import static dev.chimney.wire.Ipv4TcpLayout.IP_VERSION_4;
import static dev.chimney.wire.Ipv4TcpLayout.PROTOCOL_TCP;
import static dev.chimney.wire.Ipv4TcpLayout.TCP_CHECKSUM;
import static dev.chimney.wire.Ipv4TcpLayout.TCP_DATA_OFFSET;
import static dev.chimney.wire.Ipv4TcpLayout.TCP_MIN_HEADER;
import static dev.chimney.wire.Ipv4TcpLayout.WORD_BYTES;

/**
 * The checks {@link SegmentCodec#decode} makes on the raw bytes before handing them to pcap4j.
 * They are done here because pcap4j tolerates what a conformance harness must not: it quietly
 * trims a total length that overruns the bytes, and it says only "invalid" of a bad checksum. Each
 * failure reads "field: expected X, actual Y".
 */
final class RawPacketChecks {
  private RawPacketChecks() {}

  /**
   * Checks that {@code packet} is one whole, unfragmented IPv4 packet carrying TCP with both
   * checksums right.
   *
   * @return the offset of the TCP header
   */
  static int checkIpV4Tcp(byte[] packet) throws MalformedPacketException {
    int ipHeaderLength = checkIpV4Header(packet);
    checkTcpHeader(packet, ipHeaderLength);
    return ipHeaderLength;
  }

  private static int checkIpV4Header(byte[] packet) throws MalformedPacketException {
    if (packet.length < IP_MIN_HEADER) {
      throw mismatch("IPv4 header length", "at least " + IP_MIN_HEADER + " bytes", packet.length + " bytes");
    }
    int version = (packet[0] & 0xF0) >>> 4;
    if (version != IP_VERSION_4) {
      throw mismatch("IPv4 version", IP_VERSION_4, version);
    }
    int headerLength = (packet[0] & 0x0F) * WORD_BYTES;
    if (headerLength < IP_MIN_HEADER || headerLength > packet.length) {
      throw mismatch("IPv4 header length (IHL x 4)",
          IP_MIN_HEADER + ".." + packet.length + " bytes", headerLength + " bytes");
    }
    int totalLength = InternetChecksum.word(packet, IP_TOTAL_LENGTH);
    if (totalLength != packet.length) {
      throw mismatch("IPv4 total length", packet.length + " (the bytes received)", totalLength);
    }
    int fragment = InternetChecksum.word(packet, IP_FLAGS_AND_FRAGMENT);
    boolean moreFragments = (fragment & IP_MORE_FRAGMENTS) != 0;
    int fragmentOffset = fragment & IP_FRAGMENT_OFFSET_MASK;
    if (moreFragments || fragmentOffset != 0) {
      throw mismatch("IPv4 fragmentation", "MF=0 offset=0 (a whole packet)",
          "MF=" + (moreFragments ? 1 : 0) + " offset=" + fragmentOffset);
    }
    int protocol = packet[IP_PROTOCOL] & 0xFF;
    if (protocol != PROTOCOL_TCP) {
      throw mismatch("IPv4 protocol", PROTOCOL_TCP + " (TCP)", protocol);
    }
    int expected = InternetChecksum.expectedIpV4(packet, headerLength);
    int actual = InternetChecksum.word(packet, IP_CHECKSUM);
    if (!InternetChecksum.verifies(actual, expected)) {
      throw mismatch("IPv4 header checksum", hex(expected), hex(actual));
    }
    return headerLength;
  }

  private static void checkTcpHeader(byte[] packet, int tcpOffset) throws MalformedPacketException {
    int tcpLength = packet.length - tcpOffset;
    if (tcpLength < TCP_MIN_HEADER) {
      throw mismatch("TCP header length", "at least " + TCP_MIN_HEADER + " bytes", tcpLength + " bytes");
    }
    int dataOffset = ((packet[tcpOffset + TCP_DATA_OFFSET] & 0xF0) >>> 4) * WORD_BYTES;
    if (dataOffset < TCP_MIN_HEADER || dataOffset > tcpLength) {
      throw mismatch("TCP data offset (x 4)", TCP_MIN_HEADER + ".." + tcpLength + " bytes", dataOffset + " bytes");
    }
    int expected = InternetChecksum.expectedTcp(packet, tcpOffset, tcpLength);
    int actual = InternetChecksum.word(packet, tcpOffset + TCP_CHECKSUM);
    if (!InternetChecksum.verifies(actual, expected)) {
      throw mismatch("TCP checksum", hex(expected), hex(actual));
    }
  }

  static MalformedPacketException mismatch(String field, Object expected, Object actual) {
    return new MalformedPacketException(field + ": expected " + expected + ", actual " + actual);
  }

  private static String hex(int word) {
    return String.format("0x%04x", word);
  }
}
