package dev.chimney.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import org.junit.jupiter.api.Test;

/** The peer sending a recorded conversation for replay: exact segments that still count as sent. */
class RecordedSendingTest {
  private final PeerBench bench = new PeerBench();
  private final PeerConnection c = bench.established();

  @Test
  void aRecordedSegmentGoesAsGivenAndCountsAsSent() {
    c.setAckPolicy(AckPolicy.NONE);
    c.sendRecorded(SeqNum.add(c.iss(), 1), c.rcvNxt(), TcpFlag.mask(TcpFlag.PSH, TcpFlag.ACK), new byte[300]);
    bench.settle();
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("PSH|ACK 1 1 300");
    assertThat(c.sndMax()).isEqualTo(SeqNum.add(c.iss(), 301));

    bench.ackFromTarget(c, SeqNum.add(c.iss(), 301), 1000);
    assertThat(bench.peer.violations()).as("the target acknowledged data the peer sent").isEmpty();
  }

  @Test
  void aRecordedSegmentIsNeverRetransmitted() {
    c.sendRecorded(SeqNum.add(c.iss(), 1), c.rcvNxt(), TcpFlag.mask(TcpFlag.FIN, TcpFlag.ACK), new byte[0]);
    bench.settle();
    assertThat(bench.takeAtTarget()).hasSize(1);
    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS * 4);
    assertThat(bench.takeAtTarget()).as("no retransmission: the recording's own are replayed").isEmpty();
  }
}
