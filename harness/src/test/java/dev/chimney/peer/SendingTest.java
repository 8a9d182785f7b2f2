package dev.chimney.peer;

import static dev.chimney.peer.PeerBench.TARGET_ISN;
import static dev.chimney.peer.PeerBench.TARGET_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer as a sender: segmentation, the target's window, retransmission, and impairments. */
class SendingTest {
  private final PeerBench bench = new PeerBench();
  private final PeerConnection c = bench.established();

  @Test
  void segmentsAtTheTargetsMss() {
    c.send(new byte[2500]);
    bench.settle();

    assertThat(PeerBench.summary(c, bench.takeAtTarget()))
        .containsExactly("ACK 1 1 1000", "ACK 1001 1 1000", "PSH|ACK 2001 1 500");
    assertThat(c.sndMax()).isEqualTo(SeqNum.add(c.iss(), 2501));
  }

  @Test
  void staysWithinTheTargetsWindowAndSendsTheRestWhenItOpens() {
    bench.ackFromTarget(c, c.sndUna(), 1500);
    c.send(new byte[3000]);
    bench.settle();
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("first window")
        .containsExactly("ACK 1 1 1000", "ACK 1001 1 500");

    bench.ackFromTarget(c, SeqNum.add(c.iss(), 1501), 1500);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("after the window moved")
        .containsExactly("ACK 1501 1 1000", "PSH|ACK 2501 1 500");
  }

  @Test
  void probesAClosedWindowOneByteAtATime() {
    bench.ackFromTarget(c, c.sndUna(), 0);
    c.send(PeerBench.bytes("xyz"));
    bench.settle();
    assertThat(bench.takeAtTarget()).as("nothing within a zero window").isEmpty();

    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("one-byte window probe").containsExactly("ACK 1 1 1");

    bench.ackFromTarget(c, SeqNum.add(c.iss(), 2), TARGET_WINDOW);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("the rest once the window opens")
        .containsExactly("PSH|ACK 2 1 2");
  }

  @Test
  void retransmitsTheFirstUnacknowledgedSegmentAfterTheRtoWithBackoff() {
    c.send(new byte[1500]);
    bench.settle();
    bench.takeAtTarget();

    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("after one RTO").containsExactly("ACK 1 1 1000");
    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS);
    assertThat(bench.takeAtTarget()).as("the second timeout is twice as long").isEmpty();
    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("after 1 + 2 RTOs").containsExactly("ACK 1 1 1000");

    bench.ackFromTarget(c, SeqNum.add(c.iss(), 1001), TARGET_WINDOW);
    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).as("timeout back to the initial RTO after progress")
        .containsExactly("PSH|ACK 1001 1 500");
  }

  @Test
  void stopsRetransmittingOnceAllIsAcknowledged() {
    c.send(PeerBench.bytes("hi"));
    bench.settle();
    bench.ackFromTarget(c, SeqNum.add(c.iss(), 3), TARGET_WINDOW);
    bench.takeAtTarget();
    bench.clock.runFor(PeerDefaults.MAX_RTO_NANOS);

    assertThat(bench.takeAtTarget()).isEmpty();
    assertThat(c.sndUna()).isEqualTo(c.sndMax());
  }

  @Test
  void finGoesOnTheLastDataSegmentAndIsRetransmittedAlone() {
    c.send(PeerBench.bytes("end"));
    c.sendFin();
    bench.settle();
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("PSH|ACK 1 1 3", "FIN|ACK 4 1 0");

    bench.ackFromTarget(c, SeqNum.add(c.iss(), 4), TARGET_WINDOW);
    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS);
    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("FIN|ACK 4 1 0");
    assertThatThrownBy(() -> c.send(new byte[1])).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void finAfterQueuedDataRidesOnTheLastSegment() {
    bench.ackFromTarget(c, c.sndUna(), 0);
    c.send(PeerBench.bytes("end"));
    c.sendFin();
    bench.ackFromTarget(c, c.sndUna(), TARGET_WINDOW);

    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("FIN|PSH|ACK 1 1 3");
    assertThat(c.sndMax()).isEqualTo(SeqNum.add(c.iss(), 5));
  }

  @Test
  void duplicateNextSendsTheNextSegmentTwice() {
    c.duplicateNext();
    c.send(PeerBench.bytes("a"));
    c.send(PeerBench.bytes("b"));
    bench.settle();

    assertThat(PeerBench.summary(c, bench.takeAtTarget()))
        .containsExactly("PSH|ACK 1 1 1", "PSH|ACK 1 1 1", "PSH|ACK 2 1 1");
  }

  @Test
  void reorderNextHoldsSegmentsAndSendsThemInReverse() {
    c.reorderNext(3);
    c.send(new byte[2500]);
    c.send(PeerBench.bytes("z"));
    bench.settle();

    assertThat(PeerBench.summary(c, bench.takeAtTarget()))
        .containsExactly("PSH|ACK 2001 1 500", "ACK 1001 1 1000", "ACK 1 1 1000", "PSH|ACK 2501 1 1");
  }

  @Test
  void sendSegmentSendsExactlyWhatItIsGivenAndLeavesTheStateAlone() {
    long sndNxt = c.sndNxt();
    c.sendSegment(12345, 678, TcpFlag.mask(TcpFlag.ACK, TcpFlag.URG), PeerBench.bytes("stray"));
    bench.settle();

    List<TcpSegment> sent = bench.takeAtTarget();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).seq()).isEqualTo(12345);
    assertThat(sent.get(0).ack()).isEqualTo(678);
    assertThat(TcpFlag.describe(sent.get(0).flags())).isEqualTo("ACK|URG");
    assertThat(PeerBench.text(sent.get(0).payload())).isEqualTo("stray");
    assertThat(c.sndNxt()).isEqualTo(sndNxt);
    bench.clock.runFor(PeerDefaults.MAX_RTO_NANOS);
    assertThat(bench.takeAtTarget()).as("never retransmitted").isEmpty();
  }

  @Test
  void sendRstResetsOnceAndThenStaysSilent() {
    bench.dataFromTarget(c, 0, "abc");
    bench.takeAtTarget();
    c.sendRst();
    c.sendRst();
    bench.settle();
    bench.dataFromTarget(c, 3, "def");

    assertThat(PeerBench.summary(c, bench.takeAtTarget())).containsExactly("RST|ACK 1 4 0");
    assertThat(c.established()).isFalse();
    assertThat(PeerBench.text(c.received())).as("nothing taken after the reset").isEqualTo("abc");
  }

  @Test
  void dataQueuedBeforeTheHandshakeGoesOutWhenItCompletes() {
    PeerBench fresh = new PeerBench();
    PeerConnection early = fresh.peer.listen(PeerBench.PEER);
    early.send(PeerBench.bytes("banner"));
    fresh.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    fresh.takeAtTarget();
    fresh.fromTarget(TARGET_ISN + 1, early.iss() + 1, TcpFlag.ACK.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    assertThat(PeerBench.summary(early, fresh.takeAtTarget())).containsExactly("PSH|ACK 1 1 6");
  }
}
