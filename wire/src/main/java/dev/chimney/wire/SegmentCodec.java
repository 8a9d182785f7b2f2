package dev.chimney.wire;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IllegalTcpOption;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpNoOperationOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpWindowScaleOption;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;

/**
 * Encodes {@link TcpSegment}s into IPv4 packets and decodes them back, with pcap4j's packet
 * classes. Encoding computes the IPv4 header checksum and the TCP checksum; decoding checks both.
 *
 * <p>Stateless and thread-safe; called by targets, the peer and the harness on any thread.
 * Decoding goes through pcap4j's packet factory, which allocates a few objects per packet: fast
 * enough for scenario traffic. Captures of millions of packets are not decoded here but parsed in
 * place, headers only, by {@link dev.chimney.wire.capture.TcpPacketDecoder}.
 */
public final class SegmentCodec {
  /** ECE and CWR sit in the low two bits of what pcap4j 1.8 calls the 6-bit reserved field. */
  private static final int ECN_FLAGS_SHIFT = 6;
  private static final int ECN_FLAGS_MASK = 0x03;
  private static final int MAX_IP_ID = 0xFFFF;
  private static final int MAX_TTL = 0xFF;
  private static final int MAX_WORD = 0xFFFF;
  private static final int MAX_BYTE = 0xFF;

  private SegmentCodec() {}

  /**
   * The IPv4 packet carrying {@code segment}: IHL 5, DF set, TTL {@code ttl}, identification
   * {@code ipId}, options padded to 4 bytes, both checksums correct. Options are laid out as
   * Linux does: MSS, then NOP and window scale, so a SYN with both has an 8-byte option area.
   *
   * @param ipId IPv4 identification, 0..65535
   * @param ttl time to live, 0..255
   * @throws IllegalArgumentException if a field does not fit its header field, or the packet would
   *     exceed 65535 bytes
   */
  public static byte[] encode(TcpSegment segment, int ipId, int ttl) {
    requireRange("ipId", ipId, MAX_IP_ID);
    requireRange("ttl", ttl, MAX_TTL);
    requireRange("window", segment.window(), MAX_WORD);
    requireRange("flags", segment.flags(), MAX_BYTE);
    IpV4Packet.Builder ip = new IpV4Packet.Builder()
        .version(IpVersion.IPV4)
        .tos(IpV4Rfc791Tos.newInstance((byte) 0))
        .identification((short) ipId)
        .dontFragmentFlag(true)
        .ttl((byte) ttl)
        .protocol(IpNumber.TCP)
        .srcAddr(segment.source().address())
        .dstAddr(segment.destination().address())
        .payloadBuilder(tcpBuilder(segment))
        .correctChecksumAtBuild(true)
        .correctLengthAtBuild(true)
        .paddingAtBuild(true);
    byte[] bytes = ip.build().getRawData();
    if (bytes.length > Ipv4TcpLayout.IP_MAX_TOTAL_LENGTH) {
      throw new IllegalArgumentException("segment too large for one IPv4 packet: " + bytes.length + " bytes");
    }
    return bytes;
  }

  /**
   * The segment in {@code ipPacket}. Options other than MSS and window scale are skipped.
   *
   * @param ipPacket one whole IPv4 packet, no link-layer header; not modified
   * @throws MalformedPacketException if it is not IPv4, is a fragment, is not TCP, is truncated or
   *     has trailing bytes, a checksum is wrong or an option is malformed; the message reads
   *     "field: expected X, actual Y"
   */
  public static TcpSegment decode(byte[] ipPacket) throws MalformedPacketException {
    int tcpOffset = RawPacketChecks.checkIpV4Tcp(ipPacket);
    IpV4Packet ip;
    try {
      ip = IpV4Packet.newPacket(ipPacket, 0, ipPacket.length);
    } catch (IllegalRawDataException e) {
      throw RawPacketChecks.mismatch("IPv4 header", "a header pcap4j can parse", e.getMessage());
    }
    Packet payload = ip.getPayload();
    if (!(payload instanceof TcpPacket tcp)) {
      throw RawPacketChecks.mismatch("TCP header", "a header pcap4j can parse", String.valueOf(payload));
    }
    TcpPacket.TcpHeader h = tcp.getHeader();
    byte[] data = Arrays.copyOfRange(ipPacket, tcpOffset + h.getDataOffsetAsInt() * Ipv4TcpLayout.WORD_BYTES,
        ipPacket.length);
    return new TcpSegment(
        new Endpoint(ip.getHeader().getSrcAddr(), h.getSrcPort().valueAsInt()),
        new Endpoint(ip.getHeader().getDstAddr(), h.getDstPort().valueAsInt()),
        h.getSequenceNumberAsLong(), h.getAcknowledgmentNumberAsLong(), flagsOf(h), h.getWindowAsInt(),
        optionsOf(h.getOptions()), data);
  }

  private static TcpPacket.Builder tcpBuilder(TcpSegment segment) {
    Inet4Address src = segment.source().address();
    Inet4Address dst = segment.destination().address();
    TcpPacket.Builder tcp = new TcpPacket.Builder()
        .srcAddr(src)
        .dstAddr(dst)
        .srcPort(TcpPort.getInstance((short) segment.source().port()))
        .dstPort(TcpPort.getInstance((short) segment.destination().port()))
        .sequenceNumber((int) segment.seq())
        .acknowledgmentNumber((int) segment.ack())
        .reserved((byte) ((segment.flags() >>> ECN_FLAGS_SHIFT) & ECN_FLAGS_MASK))
        .urg(segment.has(TcpFlag.URG))
        .ack(segment.has(TcpFlag.ACK))
        .psh(segment.has(TcpFlag.PSH))
        .rst(segment.has(TcpFlag.RST))
        .syn(segment.has(TcpFlag.SYN))
        .fin(segment.has(TcpFlag.FIN))
        .window((short) segment.window())
        .options(optionList(segment.options()))
        .correctChecksumAtBuild(true)
        .correctLengthAtBuild(true)
        .paddingAtBuild(true);
    if (segment.payloadLength() > 0) {
      tcp.payloadBuilder(new UnknownPacket.Builder().rawData(segment.payload()));
    }
    return tcp;
  }

  private static List<TcpPacket.TcpOption> optionList(TcpOptions options) {
    List<TcpPacket.TcpOption> list = new ArrayList<>();
    if (options.mss() >= 0) {
      requireRange("MSS option", options.mss(), MAX_WORD);
      list.add(new TcpMaximumSegmentSizeOption.Builder()
          .maxSegSize((short) options.mss()).correctLengthAtBuild(true).build());
    }
    if (options.windowScale() >= 0) {
      requireRange("window scale option", options.windowScale(), MAX_BYTE);
      list.add(TcpNoOperationOption.getInstance());
      list.add(new TcpWindowScaleOption.Builder()
          .shiftCount((byte) options.windowScale()).correctLengthAtBuild(true).build());
    }
    return list;
  }

  private static int flagsOf(TcpPacket.TcpHeader h) {
    int flags = (h.getReserved() & ECN_FLAGS_MASK) << ECN_FLAGS_SHIFT;
    flags |= h.getUrg() ? TcpFlag.URG.bit() : 0;
    flags |= h.getAck() ? TcpFlag.ACK.bit() : 0;
    flags |= h.getPsh() ? TcpFlag.PSH.bit() : 0;
    flags |= h.getRst() ? TcpFlag.RST.bit() : 0;
    flags |= h.getSyn() ? TcpFlag.SYN.bit() : 0;
    flags |= h.getFin() ? TcpFlag.FIN.bit() : 0;
    return flags;
  }

  private static TcpOptions optionsOf(List<TcpPacket.TcpOption> options) throws MalformedPacketException {
    int mss = -1;
    int windowScale = -1;
    for (TcpPacket.TcpOption option : options) {
      if (option instanceof IllegalTcpOption bad) {
        throw RawPacketChecks.mismatch("TCP option " + bad.getKind(), "a well-formed option",
            "bytes " + hexBytes(bad.getRawData()));
      } else if (option instanceof TcpMaximumSegmentSizeOption m) {
        mss = m.getMaxSegSizeAsInt();
      } else if (option instanceof TcpWindowScaleOption w) {
        windowScale = w.getShiftCountAsInt();
      }
    }
    return new TcpOptions(mss, windowScale);
  }

  private static void requireRange(String field, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " out of range 0.." + max + ": " + value);
    }
  }

  private static String hexBytes(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xFF));
    }
    return sb.toString();
  }
}
