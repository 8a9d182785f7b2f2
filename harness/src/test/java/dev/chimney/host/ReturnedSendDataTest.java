package dev.chimney.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.wire.SeqNum;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReturnedSendDataTest {
  /** Just past the 2^32 wrap, so that the returned data straddles it. */
  private static final long STREAM_END = 4;
  private final List<NetBufferList> chain = List.of(
      new NetBufferList(1, NetBuffer.ofData(HostStackTest.bytes("abcd"))),
      new NetBufferList(2, NetBuffer.ofData(HostStackTest.bytes("efgh"))));

  @Test
  void resumesFromSndUnaInsideAPartlyAcknowledgedList() {
    ReturnedSendData r = ReturnedSendData.of(chain, OptionalLong.of(SeqNum.add(STREAM_END, -6)), STREAM_END);
    assertThat(r.fromSndUna()).isEqualTo(HostStackTest.bytes("cdefgh"));
    assertThat(r.problem()).isNull();
  }

  @Test
  void anUnsetSndUnaMeansTheStartOfTheReturnedData() {
    ReturnedSendData r = ReturnedSendData.of(chain, OptionalLong.empty(), STREAM_END);
    assertThat(r.fromSndUna()).isEqualTo(HostStackTest.bytes("abcdefgh"));
  }

  @Test
  void aChainThatDoesNotReachBackToSndUnaIsAProblem() {
    long sndUna = SeqNum.add(STREAM_END, -12);
    ReturnedSendData r = ReturnedSendData.of(chain, OptionalLong.of(sndUna), STREAM_END);
    assertThat(r.problem()).isEqualTo("SndUna " + sndUna + " is not within the returned send data ["
        + SeqNum.add(STREAM_END, -8) + ", " + STREAM_END + ")");
    assertThat(r.fromSndUna()).as("the host resends what it was given").isEqualTo(HostStackTest.bytes("abcdefgh"));
  }
}
