package dev.chimney.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TcpPacketDecoderTest {
  private final TcpPacketDecoder decoder = new TcpPacketDecoder();

  private static CaptureRecord record(LinkType type, byte[] data, long originalLength) {
    CaptureRecord r = new CaptureRecord();
    r.linkType = type;
    r.data = data;
    r.offset = 0;
    r.capturedLength = data.length;
    r.originalLength = originalLength;
    return r;
  }

  private static CaptureRecord record(LinkType type, byte[] data) {
    return record(type, data, data.length);
  }

  @Test
  void readsTcpBehindEthernetWithStackedVlanTags() {
    byte[] frame = CaptureBytes.ethernet(CaptureBytes.ipv4Tcp(CaptureBytes.ACK | CaptureBytes.RST, 0xFFFF_FFF0L, 12),
        0x0800, 2);
    assertThat(decoder.decode(record(LinkType.ETHERNET, frame))).isEqualTo(TcpPacketDecoder.Outcome.TCP);
    assertThat(decoder.ipVersion()).isEqualTo(4);
    assertThat(decoder.seq()).isEqualTo(0xFFFF_FFF0L);
    assertThat(decoder.ack()).isEqualTo(77);
    assertThat(decoder.flags()).isEqualTo(CaptureBytes.ACK | CaptureBytes.RST);
    assertThat(decoder.sourcePort()).isEqualTo(80);
    assertThat(decoder.destinationPort()).isEqualTo(40000);
    assertThat(decoder.payloadLength()).isEqualTo(12);
  }

  @Test
  void readsLinuxCookedV1AndV2() {
    byte[] ip = CaptureBytes.ipv4Tcp(CaptureBytes.SYN, 9, 0);
    assertThat(decoder.decode(record(LinkType.LINUX_SLL, CaptureBytes.sll(ip, 0x0800)))).isEqualTo(TcpPacketDecoder.Outcome.TCP);
    assertThat(decoder.seq()).isEqualTo(9);
    // another sequence number, so that a decode that left the previous fields in place would show
    byte[] ip2 = CaptureBytes.ipv4Tcp(CaptureBytes.SYN, 10, 0);
    assertThat(decoder.decode(record(LinkType.LINUX_SLL2, CaptureBytes.sll2(ip2, 0x0800)))).isEqualTo(TcpPacketDecoder.Outcome.TCP);
    assertThat(decoder.seq()).isEqualTo(10);
  }

  @Test
  void readsIpv6PastAnExtensionHeader() {
    byte[] ip = CaptureBytes.ipv6Tcp(CaptureBytes.ACK, 42, 300);
    assertThat(decoder.decode(record(LinkType.IPV6, ip))).isEqualTo(TcpPacketDecoder.Outcome.TCP);
    assertThat(decoder.ipVersion()).isEqualTo(6);
    assertThat(decoder.sourceLow() & 0xFF).isEqualTo(1);
    assertThat(decoder.payloadLength()).isEqualTo(300);
    assertThat(decoder.decode(record(LinkType.ETHERNET, CaptureBytes.ethernet(ip, 0x86DD, 1))))
        .isEqualTo(TcpPacketDecoder.Outcome.TCP);
  }

  @Test
  void takesSegmentsLargerThanTheMtuAndZeroTotalLengthsFromSegmentationOffload() {
    byte[] big = CaptureBytes.ipv4Tcp(CaptureBytes.ACK, 1, 60_000);
    assertThat(decoder.decode(record(LinkType.RAW, big))).isEqualTo(TcpPacketDecoder.Outcome.TCP);
    assertThat(decoder.payloadLength()).isEqualTo(60_000);
    byte[] zeroLength = CaptureBytes.ipv4Tcp(CaptureBytes.ACK, 1, 70_000, 0);
    assertThat(decoder.decode(record(LinkType.RAW, zeroLength))).isEqualTo(TcpPacketDecoder.Outcome.TCP);
    assertThat(decoder.payloadLength()).isEqualTo(70_000);
  }

  @Test
  void countsBytesTheSnapLengthCutAndRefusesRecordsCutInsideTheHeaders() {
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.ACK, 1, 1000);
    byte[] headersOnly = java.util.Arrays.copyOf(packet, 40);
    assertThat(decoder.decode(record(LinkType.RAW, headersOnly, packet.length))).isEqualTo(TcpPacketDecoder.Outcome.TCP);
    assertThat(decoder.payloadLength()).isEqualTo(1000);
    byte[] cut = java.util.Arrays.copyOf(packet, 30);
    assertThat(decoder.decode(record(LinkType.RAW, cut, packet.length))).isEqualTo(TcpPacketDecoder.Outcome.HEADERS_CUT);
  }

  @Test
  void skipsWhatIsNotTcp() {
    assertThat(decoder.decode(record(LinkType.RAW, CaptureBytes.udp()))).isEqualTo(TcpPacketDecoder.Outcome.NOT_TCP);
    assertThat(decoder.decode(record(LinkType.ETHERNET, CaptureBytes.ethernet(new byte[28], 0x0806, 0))))
        .isEqualTo(TcpPacketDecoder.Outcome.NOT_TCP);
  }

  @Test
  void refusesATcpHeaderLongerThanItsPacket() {
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.ACK, 1, 0);
    packet[32] = (byte) 0xF0;
    assertThat(decoder.decode(record(LinkType.RAW, packet))).isEqualTo(TcpPacketDecoder.Outcome.MALFORMED);
  }
}
