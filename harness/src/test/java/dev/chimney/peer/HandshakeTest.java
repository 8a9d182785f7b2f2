package dev.chimney.peer;

import static dev.chimney.peer.PeerBench.PEER;
import static dev.chimney.peer.PeerBench.TARGET;
import static dev.chimney.peer.PeerBench.TARGET_ISN;
import static dev.chimney.peer.PeerBench.TARGET_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private final PeerBench bench = new PeerBench();

  @Test
  void answersSynWithSynAckCarryingMssAndWindowScaleThenEstablishesOnAck() {
    PeerConnection c = bench.peer.listen(PEER);
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, new TcpOptions(1000, 2), new byte[0]);

    List<TcpSegment> answer = bench.takeAtTarget();
    assertThat(answer).as("one SYN-ACK for the SYN").hasSize(1);
    TcpSegment synAck = answer.get(0);
    assertThat(TcpFlag.describe(synAck.flags())).isEqualTo("SYN|ACK");
    assertThat(synAck.seq()).as("SYN-ACK seq is the peer's ISN").isEqualTo(c.iss());
    assertThat(synAck.ack()).as("SYN-ACK ack").isEqualTo(SeqNum.add(TARGET_ISN, 1));
    assertThat(synAck.options()).isEqualTo(new TcpOptions(PeerDefaults.PEER_MSS, PeerDefaults.PEER_WINDOW_SCALE));
    assertThat(synAck.window()).as("SYN-ACK window is unscaled").isEqualTo(PeerDefaults.DEFAULT_RECEIVE_WINDOW);
    assertThat(c.established()).as("not established before the ACK").isFalse();
    assertThat(c.remote()).isEqualTo(TARGET);

    bench.fromTarget(TARGET_ISN + 1, c.iss() + 1, TcpFlag.ACK.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    assertThat(c.established()).isTrue();
    assertThat(c.irs()).isEqualTo(TARGET_ISN);
    assertThat(c.sndUna()).isEqualTo(SeqNum.add(c.iss(), 1));
    assertThat(c.rcvNxt()).isEqualTo(SeqNum.add(TARGET_ISN, 1));
    assertThat(bench.takeAtTarget()).as("nothing answers the handshake's ACK").isEmpty();
    assertThat(bench.peer.connection(PEER, TARGET)).isSameAs(c);
    assertThat(bench.peer.violations()).isEmpty();
  }

  @Test
  void offersNoWindowScaleWhenTheSynHadNone() {
    bench.peer.listen(PEER);
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, new TcpOptions(1000, -1), new byte[0]);

    assertThat(bench.takeAtTarget().get(0).options()).isEqualTo(new TcpOptions(PeerDefaults.PEER_MSS, -1));
  }

  @Test
  void isnsAreTheSameFromOneRunToTheNext() {
    PeerConnection first = new PeerBench().peer.listen(PEER);
    PeerConnection second = new PeerBench().peer.listen(PEER);
    ScriptedPeer otherSeed = new ScriptedPeer(bench.clock, bench.link.peerPort(), PeerDefaults.ISN_SEED + 1);

    assertThat(second.iss()).isEqualTo(first.iss());
    assertThat(otherSeed.listen(PEER).iss()).isNotEqualTo(first.iss());
  }

  @Test
  void answersARetransmittedSynWithTheSameSynAck() {
    bench.peer.listen(PEER);
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    List<TcpSegment> answers = bench.takeAtTarget();
    assertThat(answers).hasSize(2);
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
    assertThat(bench.peer.violations()).isEmpty();
  }

  @Test
  void retransmitsTheSynAckAfterTheRtoUntilTheAckComes() {
    bench.peer.listen(PEER);
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    TcpSegment synAck = bench.takeAtTarget().get(0);

    bench.clock.runFor(PeerDefaults.INITIAL_RTO_NANOS);

    assertThat(bench.takeAtTarget()).as("SYN-ACK again one RTO later").containsExactly(synAck);
  }

  @Test
  void ignoresASynToAnEndpointNobodyListensOn() {
    bench.peer.listen(PEER);
    bench.fromTarget(new TcpSegment(TARGET, PeerBench.endpoint("198.51.100.20", 81), TARGET_ISN, 0,
        TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]));
    bench.clock.runFor(PeerDefaults.MAX_RTO_NANOS);

    assertThat(bench.takeAtTarget()).as("no SYN-ACK and above all no RST").isEmpty();
    assertThat(bench.peer.connections()).hasSize(1);
    assertThat(bench.peer.connections().get(0).remote()).isNull();
  }

  @Test
  void aSecondSynOnAListenedEndpointOpensASecondConnection() {
    bench.established();
    Endpoint secondTarget = PeerBench.endpoint("192.0.2.10", 40001);
    bench.fromTarget(new TcpSegment(secondTarget, PEER, TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW,
        TcpOptions.NONE, new byte[0]));

    assertThat(bench.peer.connections()).hasSize(2);
    assertThat(bench.peer.connection(PEER, secondTarget).established()).isFalse();
    assertThat(TcpFlag.describe(bench.takeAtTarget().get(0).flags())).isEqualTo("SYN|ACK");
  }
}
