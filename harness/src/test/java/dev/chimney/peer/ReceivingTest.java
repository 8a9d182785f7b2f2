package dev.chimney.peer;

import static dev.chimney.peer.PeerBench.TARGET_ISN;
import static dev.chimney.peer.PeerBench.TARGET_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import org.junit.jupiter.api.Test;

/** The peer as a receiver of the target's data, under each acknowledgment policy. */
class ReceivingTest {
  private final PeerBench bench = new PeerBench();
  private final PeerConnection c = bench.established();

  @Test
  void allPolicyAcknowledgesEveryInOrderSegmentAtOnce() {
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 3, "defg");

    assertThat(PeerBench.text(c.received())).isEqualTo("abcdefg");
    assertThat(c.receivedLength()).isEqualTo(7);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("ACK 1 4 0", "ACK 1 8 0");
    assertThat(bench.peer.violations()).isEmpty();
  }

  @Test
  void nonePolicyTakesTheDataButWithholdsEveryAck() {
    c.setAckPolicy(AckPolicy.NONE);
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 0, "abc");
    bench.fromTarget(TARGET_ISN + 4, c.sndNxt(), TcpFlag.mask(TcpFlag.ACK, TcpFlag.FIN), TARGET_WINDOW,
        TcpOptions.NONE, new byte[0]);

    assertThat(PeerBench.text(c.received())).isEqualTo("abc");
    assertThat(c.finReceived()).isTrue();
    assertThat(bench.takeAtTarget()).as("no ACK, not even a duplicate one, under NONE").isEmpty();
    assertThat(bench.peer.violations()).as("a retransmission of unacknowledged data is fine").isEmpty();
  }

  @Test
  void upToPolicyAcknowledgesThatManyBytesThenWithholds() {
    c.setAckPolicy(AckPolicy.upTo(5));
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 3, "defg");
    bench.dataFromTarget(c, 7, "hi");

    assertThat(PeerBench.text(c.received())).isEqualTo("abcdefghi");
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("ACK 1 4 0", "ACK 1 6 0");
  }

  @Test
  void ackNowReleasesWhatANewPolicyAllows() {
    c.setAckPolicy(AckPolicy.NONE);
    bench.dataFromTarget(c, 0, "abcd");
    c.setAckPolicy(AckPolicy.ALL);
    c.ackNow();
    bench.settle();

    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("ACK 1 5 0");
  }

  @Test
  void outOfOrderDataIsNotTakenAndDrawsADuplicateAck() {
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 6, "ghi");

    assertThat(PeerBench.text(c.received())).isEqualTo("abc");
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("ACK 1 4 0", "ACK 1 4 0");
  }

  @Test
  void retransmissionOverlappingNewDataTakesOnlyTheNewBytes() {
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 1, "bcdef");

    assertThat(PeerBench.text(c.received())).isEqualTo("abcdef");
  }

  @Test
  void answersTheTargetsFinWithAnAckAndSendsNoFinOfItsOwn() {
    bench.fromTarget(TARGET_ISN + 1, c.sndNxt(), TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH, TcpFlag.FIN),
        TARGET_WINDOW, TcpOptions.NONE, PeerBench.bytes("bye"));

    assertThat(c.finReceived()).isTrue();
    assertThat(PeerBench.text(c.received())).isEqualTo("bye");
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("ACK 1 5 0");
    bench.clock.runFor(PeerDefaults.MAX_RTO_NANOS);
    assertThat(bench.takeAtTarget()).as("no FIN unless told").isEmpty();
  }

  @Test
  void droppedSegmentsAreNeitherTakenNorAcknowledgedButStillRecorded() {
    c.dropNextFromTarget(1);
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 0, "abc");

    assertThat(PeerBench.text(c.received())).isEqualTo("abc");
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("only the retransmission is acknowledged")
        .containsExactly("ACK 1 4 0");
    assertThat(c.segmentsFromTarget()).as("SYN, ACK, lost data, retransmission").hasSize(4);
  }

  @Test
  void resetFromTheTargetStopsThePeer() {
    c.send(PeerBench.bytes("hello"));
    bench.settle();
    bench.takeAtTarget();
    bench.fromTarget(TARGET_ISN + 1, 0, TcpFlag.RST.bit(), 0, TcpOptions.NONE, new byte[0]);
    c.send(PeerBench.bytes("more"));
    c.sendFin();
    bench.clock.runFor(PeerDefaults.MAX_RTO_NANOS);

    assertThat(c.rstReceived()).isTrue();
    assertThat(c.established()).isFalse();
    assertThat(bench.takeAtTarget()).as("no retransmission, data or FIN after the RST").isEmpty();
  }

  @Test
  void receiveWindowIsAdvertisedScaledByThePeersWindowScale() {
    PeerBench scaled = new PeerBench();
    PeerConnection sc = scaled.established(new TcpOptions(1000, 0));
    sc.setReceiveWindow(1 << 20);
    sc.ackNow();
    scaled.settle();

    assertThat(scaled.takeAtTarget().get(0).window()).isEqualTo((1 << 20) >> PeerDefaults.PEER_WINDOW_SCALE);
  }

  @Test
  void sequenceNumbersWrapAroundTwoToThe32() {
    String crossing = "x".repeat(300);
    bench.dataFromTarget(c, 0, crossing);
    bench.dataFromTarget(c, 300, "0123456789");

    assertThat(SeqNum.add(TARGET_ISN, 1 + 300)).as("the test data really crosses 2^32").isLessThan(TARGET_ISN);
    assertThat(c.receivedLength()).isEqualTo(310);
    assertThat(c.rcvNxt()).isEqualTo(SeqNum.add(TARGET_ISN, 311));
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("ACK 1 301 0", "ACK 1 311 0");
    assertThat(bench.peer.violations()).isEmpty();
  }
}
