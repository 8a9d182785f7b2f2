package dev.chimney.wire;

import static dev.chimney.wire.Segments.PEER;
import static dev.chimney.wire.Segments.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A length-only segment (check-trace's, built without copying the captured bytes) is the value its zeros make. */
class TcpSegmentTest {
  private static final int ACK = TcpFlag.mask(TcpFlag.ACK);

  private static TcpSegment withBytes(byte[] payload) {
    return new TcpSegment(TARGET, PEER, 1000, 2000, ACK, 65535, TcpOptions.NONE, payload);
  }

  private static TcpSegment lengthOnly(int length) {
    return TcpSegment.ofLength(TARGET, PEER, 1000, 2000, ACK, 65535, TcpOptions.NONE, length);
  }

  @Test
  void aLengthOnlySegmentReadsAsZerosAndEqualsTheSegmentOfThoseZeros() {
    TcpSegment s = lengthOnly(1448);

    assertThat(s.payloadLength()).isEqualTo(1448);
    assertThat(s.seqEnd()).isEqualTo(1000 + 1448);
    assertThat(s.payload()).hasSize(1448).containsOnly((byte) 0);
    assertThat(s).isEqualTo(withBytes(new byte[1448])).hasSameHashCodeAs(withBytes(new byte[1448]));
    assertThat(withBytes(new byte[1448])).isEqualTo(s);
    assertThat(s.toString()).endsWith("len 1448");
  }

  @Test
  void aLengthOnlySegmentDiffersFromOneWithOtherBytesOrAnotherLength() {
    byte[] notZeros = new byte[4];
    notZeros[3] = 1;

    assertThat(lengthOnly(4)).isNotEqualTo(withBytes(notZeros));
    assertThat(withBytes(notZeros)).isNotEqualTo(lengthOnly(4));
    assertThat(lengthOnly(4)).isNotEqualTo(lengthOnly(5));
  }

  @Test
  void withAckKeepsTheLengthOnlyPayload() {
    TcpSegment acked = lengthOnly(10).withAck(3000);

    assertThat(acked.ack()).isEqualTo(3000);
    assertThat(acked.payloadLength()).isEqualTo(10);
    assertThat(acked.payload()).containsOnly((byte) 0);
  }

  @Test
  void thePayloadIsCopiedInAndOut() {
    byte[] data = {1, 2, 3};
    TcpSegment s = withBytes(data);
    data[0] = 9;
    s.payload()[1] = 9;

    assertThat(s.payload()).containsExactly(1, 2, 3);
  }

  @Test
  void aNegativeLengthIsRefused() {
    assertThatThrownBy(() -> lengthOnly(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
