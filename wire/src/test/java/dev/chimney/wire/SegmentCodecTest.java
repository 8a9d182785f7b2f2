package dev.chimney.wire;

import static dev.chimney.wire.Segments.encode;
import static dev.chimney.wire.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentCodecTest {
  private static final byte[] NO_DATA = new byte[0];

  static Stream<TcpSegment> roundTripSegments() {
    return Stream.of(
        segment(1000, 0, TcpFlag.mask(TcpFlag.SYN), new TcpOptions(1460, 7), NO_DATA),
        segment(1000, 0, TcpFlag.mask(TcpFlag.SYN), new TcpOptions(1460, -1), NO_DATA),
        segment(1000, 0, TcpFlag.mask(TcpFlag.SYN), new TcpOptions(-1, 14), NO_DATA),
        Segments.data(1001, "hello, peer"),
        Segments.data(1001, "odd"),
        segment(1012, 5000, TcpFlag.mask(TcpFlag.FIN, TcpFlag.ACK), TcpOptions.NONE, NO_DATA),
        segment(1013, 0, TcpFlag.mask(TcpFlag.RST), TcpOptions.NONE, NO_DATA),
        segment(0xFFFF_FFF0L, 0xFFFF_FFFFL, TcpFlag.mask(TcpFlag.ACK), TcpOptions.NONE, new byte[32]));
  }

  @ParameterizedTest
  @MethodSource("roundTripSegments")
  void decodeGivesBackWhatWasEncoded(TcpSegment segment) throws MalformedPacketException {
    assertThat(SegmentCodec.decode(encode(segment))).isEqualTo(segment);
  }

  @ParameterizedTest
  @EnumSource(TcpFlag.class)
  void everyFlagSurvivesTheRoundTrip(TcpFlag flag) throws MalformedPacketException {
    TcpSegment segment = segment(7, 9, flag.bit(), TcpOptions.NONE, NO_DATA);

    TcpSegment decoded = SegmentCodec.decode(encode(segment));

    assertThat(decoded.flags()).as("flags of %s", segment).isEqualTo(flag.bit());
  }

  @Test
  void allFlagsTogetherSurviveTheRoundTrip() throws MalformedPacketException {
    int all = TcpFlag.mask(TcpFlag.values());

    assertThat(SegmentCodec.decode(encode(segment(7, 9, all, TcpOptions.NONE, NO_DATA))).flags()).isEqualTo(all);
  }

  @Test
  void headerFieldsAreWhereRfc791AndRfc9293PutThem() {
    byte[] bytes = encode(segment(0x01020304L, 0x0A0B0C0DL, TcpFlag.mask(TcpFlag.SYN), new TcpOptions(1460, 7),
        NO_DATA));

    assertThat(bytes).as("IPv4 20 + TCP 20 + options MSS(4) NOP(1) WS(3)").hasSize(48);
    assertThat(bytes[0]).as("version 4, IHL 5").isEqualTo((byte) 0x45);
    assertThat(bytes[6] & 0xE0).as("flags: DF only").isEqualTo(0x40);
    assertThat(bytes[8] & 0xFF).as("TTL").isEqualTo(Segments.TTL);
    assertThat(InternetChecksum.word(bytes, 4)).as("identification").isEqualTo(Segments.IP_ID);
    assertThat(bytes[9]).as("protocol TCP").isEqualTo((byte) 6);
    assertThat(InternetChecksum.word(bytes, 24)).as("seq high word").isEqualTo(0x0102);
    assertThat(bytes[32] & 0xF0).as("TCP data offset 7 words").isEqualTo(0x70);
    assertThat(new byte[] {bytes[40], bytes[41], bytes[44], bytes[45], bytes[46], bytes[47]})
        .as("MSS kind/len, NOP, WS kind/len/shift")
        .containsExactly(2, 4, 1, 3, 3, 7);
  }

  @Test
  void aFlippedPayloadByteIsReportedAsATcpChecksumMismatch() {
    byte[] bytes = encode(Segments.data(1, "payload"));
    bytes[bytes.length - 1] ^= 0x01;

    assertThatThrownBy(() -> SegmentCodec.decode(bytes))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageMatching("TCP checksum: expected 0x[0-9a-f]{4}, actual 0x[0-9a-f]{4}");
  }

  @Test
  void aFlippedTtlIsReportedAsAnIpHeaderChecksumMismatch() {
    byte[] bytes = encode(Segments.data(1, "payload"));
    int actual = InternetChecksum.word(bytes, 10);
    bytes[8] ^= 0x01;

    assertThatThrownBy(() -> SegmentCodec.decode(bytes))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageStartingWith("IPv4 header checksum: expected 0x")
        .hasMessageEndingWith(String.format("actual 0x%04x", actual));
  }

  @Test
  void udpIsRejectedNamingTheProtocol() {
    byte[] bytes = encode(Segments.data(1, "payload"));
    bytes[9] = 17;

    assertThatThrownBy(() -> SegmentCodec.decode(bytes))
        .hasMessage("IPv4 protocol: expected 6 (TCP), actual 17");
  }

  @Test
  void ipV6IsRejectedNamingTheVersion() {
    byte[] bytes = encode(Segments.data(1, "payload"));
    bytes[0] = 0x65;

    assertThatThrownBy(() -> SegmentCodec.decode(bytes)).hasMessage("IPv4 version: expected 4, actual 6");
  }

  @Test
  void aFragmentIsRejected() {
    byte[] bytes = encode(Segments.data(1, "payload"));
    bytes[6] = 0x20;

    assertThatThrownBy(() -> SegmentCodec.decode(bytes))
        .hasMessage("IPv4 fragmentation: expected MF=0 offset=0 (a whole packet), actual MF=1 offset=0");
  }

  @Test
  void aTruncatedPacketIsRejectedNamingTheTotalLength() {
    byte[] whole = encode(Segments.data(1, "payload"));
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 3);

    assertThatThrownBy(() -> SegmentCodec.decode(truncated))
        .hasMessage("IPv4 total length: expected " + truncated.length + " (the bytes received), actual "
            + whole.length);
  }

  @Test
  void fewerBytesThanAnIpHeaderAreRejected() {
    assertThatThrownBy(() -> SegmentCodec.decode(new byte[12]))
        .hasMessage("IPv4 header length: expected at least 20 bytes, actual 12 bytes");
  }

  @Test
  void anIpPacketTooShortForATcpHeaderIsRejected() {
    byte[] whole = encode(Segments.data(1, ""));
    byte[] ipOnly = java.util.Arrays.copyOf(whole, 30);
    ipOnly[2] = 0;
    ipOnly[3] = 30;
    fixIpChecksum(ipOnly);

    assertThatThrownBy(() -> SegmentCodec.decode(ipOnly))
        .hasMessage("TCP header length: expected at least 20 bytes, actual 10 bytes");
  }

  @Test
  void aDataOffsetPastTheEndIsRejected() {
    byte[] bytes = encode(Segments.data(1, ""));
    bytes[32] = (byte) 0xF0;

    assertThatThrownBy(() -> SegmentCodec.decode(bytes))
        .hasMessage("TCP data offset (x 4): expected 20..20 bytes, actual 60 bytes");
  }

  @Test
  void payloadBytesAreCopiedExactly() throws MalformedPacketException {
    byte[] text = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(SegmentCodec.decode(encode(segment(1, 1, TcpFlag.ACK.bit(), TcpOptions.NONE, text))).payload())
        .containsExactly(text);
  }

  @Test
  void outOfRangeHeaderValuesAreRefusedWhenEncoding() {
    TcpSegment segment = Segments.data(1, "x");

    assertThatThrownBy(() -> SegmentCodec.encode(segment, 0x10000, 64)).hasMessageContaining("ipId");
    assertThatThrownBy(() -> SegmentCodec.encode(segment, 1, 256)).hasMessageContaining("ttl");
  }

  private static void fixIpChecksum(byte[] packet) {
    int checksum = InternetChecksum.expectedIpV4(packet, 20);
    packet[10] = (byte) (checksum >>> 8);
    packet[11] = (byte) checksum;
  }
}
