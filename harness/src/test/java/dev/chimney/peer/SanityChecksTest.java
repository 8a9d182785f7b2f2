package dev.chimney.peer;

import static dev.chimney.peer.PeerBench.PEER;
import static dev.chimney.peer.PeerBench.TARGET;
import static dev.chimney.peer.PeerBench.TARGET_ISN;
import static dev.chimney.peer.PeerBench.TARGET_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each sanity check is shown firing on a target that breaks it, asserting on its message, and all
 * of them are shown silent on a valid exchange.
 */
class SanityChecksTest {
  private static final int ACK = TcpFlag.ACK.bit();
  private static final int ACK_PSH = TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH);
  private static final int ACK_FIN = TcpFlag.mask(TcpFlag.ACK, TcpFlag.FIN);

  private final PeerBench bench = new PeerBench();

  @Test
  void silentOnAValidExchangeWithProbesKeepAlivesRetransmissionsAndFins() {
    PeerConnection c = bench.peer.listen(PEER);
    c.setReceiveWindow(3);
    c.setAckPolicy(AckPolicy.NONE);
    bench.connect(c, new TcpOptions(PeerBench.TARGET_MSS, -1));
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 3, "d");
    assertThat(c.receivedLength()).as("the window probe is not taken").isEqualTo(3);
    c.setAckPolicy(AckPolicy.ALL);
    c.ackNow();
    bench.dataFromTarget(c, 3, "d");
    c.send(PeerBench.bytes("reply"));
    bench.settle();
    bench.ackFromTarget(c, c.sndMax(), TARGET_WINDOW);
    bench.fromTarget(TARGET_ISN + 4, c.sndNxt(), ACK, TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    c.sendFin();
    bench.settle();
    bench.fromTarget(TARGET_ISN + 5, c.sndMax(), ACK_FIN, TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    bench.fromTarget(TARGET_ISN + 5, c.sndMax(), ACK_FIN, TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    assertThat(bench.peer.violations())
        .as("retransmission of unacknowledged data, 1-byte window probe, keep-alive, FIN retransmission")
        .isEmpty();
    assertThat(PeerBench.text(c.received())).isEqualTo("abcd");
    assertThat(c.finReceived()).isTrue();
  }

  @Test
  void ackOfDataThePeerNeverSent() {
    PeerConnection c = bench.established();
    long beyond = SeqNum.add(c.sndMax(), 100);
    bench.fromTarget(TARGET_ISN + 1, beyond, ACK, TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    assertThat(messages()).containsExactly(
        "ack: expected <= " + c.sndMax() + " (the peer's snd.max), actual " + beyond);
    assertThat(bench.peer.violations().get(0).segment().ack()).isEqualTo(beyond);
  }

  @Test
  void dataBeyondTheAdvertisedWindowIsFlaggedAndTrimmed() {
    PeerConnection c = bench.peer.listen(PEER);
    c.setReceiveWindow(4);
    bench.connect(c, new TcpOptions(PeerBench.TARGET_MSS, -1));
    long rightEdge = SeqNum.add(c.rcvNxt(), 4);
    bench.dataFromTarget(c, 0, "toolong");

    assertThat(messages()).containsExactly("data end: expected <= " + rightEdge
        + " (right edge of the window the peer advertised), actual " + SeqNum.add(rightEdge, 3));
    assertThat(PeerBench.text(c.received())).as("a real receiver takes nothing past its window").isEqualTo("tool");
  }

  @Test
  void resendingDataThePeerAcknowledged() {
    PeerConnection c = bench.established();
    bench.dataFromTarget(c, 0, "abc");
    bench.dataFromTarget(c, 0, "abc");

    assertThat(messages()).containsExactly("seq: expected >= " + SeqNum.add(TARGET_ISN, 4)
        + " (everything before it is acknowledged by the peer), actual " + SeqNum.add(TARGET_ISN, 1));
  }

  @Test
  void synOnAnEstablishedConnection() {
    PeerConnection c = bench.established();
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    assertThat(messages()).containsExactly(
        "flags: expected no SYN once the connection is established, actual SYN seq " + TARGET_ISN);
    assertThat(c.established()).isTrue();
  }

  @Test
  void retransmittedSynWithAnotherSequenceNumber() {
    bench.peer.listen(PEER);
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    bench.fromTarget(TARGET_ISN + 9, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    assertThat(messages()).containsExactly("SYN seq: expected " + TARGET_ISN
        + " (a retransmission of the target's SYN), actual " + SeqNum.add(TARGET_ISN, 9));
  }

  @Test
  void finBeforeTheHandshakeCompletes() {
    bench.peer.listen(PEER);
    bench.fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    bench.fromTarget(TARGET_ISN + 1, 0, TcpFlag.FIN.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);

    assertThat(messages()).containsExactly("flags: expected no FIN before the handshake completes, actual FIN");
  }

  @Test
  void finThatMovesAndDataAfterTheFin() {
    PeerConnection c = bench.established();
    bench.fromTarget(TARGET_ISN + 1, c.sndNxt(), ACK_FIN, TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    bench.fromTarget(TARGET_ISN + 1, c.sndNxt(), TcpFlag.mask(TcpFlag.ACK, TcpFlag.FIN, TcpFlag.PSH),
        TARGET_WINDOW, TcpOptions.NONE, PeerBench.bytes("late"));

    long fin = SeqNum.add(TARGET_ISN, 1);
    assertThat(messages()).containsExactly(
        "data end: expected <= " + fin + " (the target's FIN), actual " + SeqNum.add(fin, 4),
        "FIN seq: expected " + fin + " (the target's earlier FIN), actual " + SeqNum.add(fin, 4));
  }

  @Test
  void resetOutsideTheWindowIsFlaggedAndIgnored() {
    PeerConnection c = bench.established();
    long outside = SeqNum.add(c.rcvNxt(), PeerDefaults.DEFAULT_RECEIVE_WINDOW + 1);
    bench.fromTarget(outside, 0, TcpFlag.RST.bit(), 0, TcpOptions.NONE, new byte[0]);

    assertThat(messages()).containsExactly("RST seq: expected in [" + c.rcvNxt() + ", "
        + SeqNum.add(c.rcvNxt(), PeerDefaults.DEFAULT_RECEIVE_WINDOW) + "] (the peer's receive window), actual " + outside);
    assertThat(c.rstReceived()).as("an out-of-window RST is not accepted").isFalse();
    assertThat(c.established()).isTrue();
  }

  @Test
  void resetAtTheRightEdgeIsAccepted() {
    PeerConnection c = bench.established();
    bench.fromTarget(SeqNum.add(c.rcvNxt(), PeerDefaults.DEFAULT_RECEIVE_WINDOW), 0, TcpFlag.RST.bit(), 0,
        TcpOptions.NONE, new byte[0]);

    assertThat(bench.peer.violations()).isEmpty();
    assertThat(c.rstReceived()).isTrue();
  }

  @Test
  void malformedPacketIsRecordedWithTheDecodeError() {
    bench.established();
    byte[] packet = SegmentCodec.encode(new TcpSegment(TARGET, PEER, TARGET_ISN + 1, 0, ACK_PSH, TARGET_WINDOW,
        TcpOptions.NONE, PeerBench.bytes("x")), PeerBench.IP_ID, 64);
    packet[packet.length - 1] ^= 0x01;
    bench.link.targetPort().transmit(packet);
    bench.settle();

    List<SanityViolation> violations = bench.peer.violations();
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).segment()).isNull();
    assertThat(violations.get(0).message()).startsWith("packet: ").contains("checksum");
    assertThat(violations.get(0).timeNanos()).isPositive();
  }

  private List<String> messages() {
    return bench.peer.violations().stream().map(SanityViolation::message).toList();
  }
}
