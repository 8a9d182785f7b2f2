package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.ACK;
import static dev.chimney.rules.monitor.Script.FIN_ACK;
import static dev.chimney.rules.monitor.Script.RCV;
import static dev.chimney.rules.monitor.Script.RST;
import static dev.chimney.rules.monitor.Script.RST_ACK;
import static dev.chimney.rules.monitor.Script.SND;
import static dev.chimney.rules.monitor.Script.assertFail;
import static dev.chimney.rules.monitor.Script.assertPass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DSC-1 to DSC-13: each caught on a faulty sequence, quiet on a compliant one. */
class DscMonitorsTest {
  private static final long DISCONNECT = 90;

  /** A send of 100 bytes, then a graceful disconnect with 50 more, all sent, FIN on the last segment, all acknowledged. */
  private static Script cleanGracefulClose() {
    Script s = new Script().offload();
    s.send(1);
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 50);
    s.toPeer(SND, RCV, ACK, 100);
    s.toPeer(SND + 100, RCV, FIN_ACK, 50);
    s.fromPeer(RCV, SND + 151, ACK, 0);
    s.sendComplete(NdisStatus.SUCCESS, 1);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    return s;
  }

  @Test
  void cleanGracefulClosePassesEveryGracefulRule() {
    ScenarioVerdicts v = cleanGracefulClose().run();
    for (String rule : List.of("DSC-1", "DSC-7", "DSC-8", "DSC-10", "DSC-11", "SND-2")) {
      assertPass(v, rule);
    }
    assertThat(v.failed()).as("evidence on a clean graceful close: %s", v.evidence()).isFalse();
  }

  @Test
  void dsc1_disconnectReturningSuccessFails() {
    Script s = new Script().offload();
    Event.Call c = s.call(Api.TCP_OFFLOAD_DISCONNECT, Script.TCP1, List.of(Script.nbl(DISCONNECT, 0)),
        DisconnectFlags.GRACEFUL_CLOSE, List.of());
    Event wrong = s.returned(c, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-1", wrong);
  }

  @Test
  void dsc1_disconnectCompletedTwiceFails() {
    Script s = cleanGracefulClose();
    Event twice = s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-1", twice);
  }

  @Test
  void dsc1_disconnectNeverCompletedFails() {
    Script s = new Script().offload();
    Event call = s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    assertFail(s.run(), "DSC-1", call);
  }

  @Test
  void dsc2_rstAfterAbortivePasses() {
    Script s = new Script().offload();
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    s.toPeer(SND, 0, RST, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    ScenarioVerdicts v = s.run();
    assertPass(v, "DSC-2");
    assertPass(v, "DSC-3");
    assertPass(v, "DSC-6");
  }

  @Test
  void dsc2_abortiveWithoutRstFails() {
    Script s = new Script().offload();
    Event call = s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-2", call);
  }

  @Test
  void dsc3_rstWithoutAbortiveFails() {
    Script s = new Script().offload();
    s.toPeer(SND, RCV, ACK, 100);
    Event.Packet rst = s.toPeer(SND + 100, RCV, RST_ACK, 0);
    assertFail(s.run(), "DSC-3", rst);
  }

  @Test
  void dsc3_hostRstThroughOrdinaryPathAfterUploadIsNotTheTargets() {
    Script s = new Script().offload();
    s.toPeer(SND, RCV, ACK, 0);
    s.terminate();
    s.terminateComplete(Script.delegated(SND, SND, SND, RCV));
    s.hostSends(SND, RCV, RST_ACK, 0);
    ScenarioVerdicts v = s.run();
    assertPass(v, "DSC-3");
    assertPass(v, "TOC-9");
  }

  @Test
  void dsc4_sendsAbortedBeforeCompletionPasses() {
    Script s = new Script().offload();
    s.send(1);
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    s.toPeer(SND, 0, RST, 0);
    s.sendComplete(NdisStatus.REQUEST_ABORTED, 1);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertPass(s.run(), "DSC-4");
  }

  @Test
  void dsc4_disconnectCompletedBeforeSendsFails() {
    Script s = new Script().offload();
    s.send(1);
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    s.toPeer(SND, 0, RST, 0);
    Event early = s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    s.sendComplete(NdisStatus.REQUEST_ABORTED, 1);
    assertFail(s.run(), "DSC-4", early);
  }

  @Test
  void dsc4_sendCompletedWithSuccessAfterAbortFails() {
    Script s = new Script().offload();
    s.send(1);
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    s.toPeer(SND, 0, RST, 0);
    Event wrong = s.sendComplete(NdisStatus.SUCCESS, 1);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-4", wrong);
  }

  @Test
  void dsc4_sendAcknowledgedBeforeTheAbortMayCompleteWithSuccessAfterIt() {
    // The peer acknowledged all 100 bytes before the request: the SUCCESS was settled, in flight.
    Script s = new Script().offload();
    s.send(1);
    s.toPeer(SND, RCV, ACK, 100);
    s.fromPeer(RCV, SND + 100, ACK, 0);
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    s.sendComplete(NdisStatus.SUCCESS, 1);
    s.toPeer(SND + 100, 0, RST, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertPass(s.run(), "DSC-4");
  }

  @Test
  void dsc4_sendAcknowledgedOnlyInPartBeforeTheAbortCompletingWithSuccessFails() {
    Script s = new Script().offload();
    s.send(1);
    s.toPeer(SND, RCV, ACK, 100);
    s.fromPeer(RCV, SND + 99, ACK, 0);
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    Event wrong = s.sendComplete(NdisStatus.SUCCESS, 1);
    s.toPeer(SND + 100, 0, RST, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-4", wrong);
  }

  @Test
  void dsc5_rstCarryingTheOldAckPasses() {
    Script s = new Script().offload();
    s.toPeer(SND, RCV, ACK, 0);
    s.fromPeer(RCV, SND, ACK, 50);
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    s.toPeer(SND, RCV, RST_ACK, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertPass(s.run(), "DSC-5");
  }

  @Test
  void dsc5_ackOfDataAfterAbortiveFails() {
    Script s = new Script().offload();
    s.toPeer(SND, RCV, ACK, 0);
    s.fromPeer(RCV, SND, ACK, 50);
    s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 0);
    Event.Packet acked = s.toPeer(SND, RCV + 50, RST_ACK, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-5", acked);
  }

  @Test
  void dsc6_abortiveWithDataFails() {
    Script s = new Script().offload();
    Event call = s.disconnect(DISCONNECT, DisconnectFlags.ABORTIVE_CLOSE, 10);
    s.toPeer(SND, 0, RST, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-6", call);
  }

  @Test
  void dsc7_finBeforeTheDisconnectDataFails() {
    Script s = new Script().offload();
    s.send(1);
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 50);
    s.toPeer(SND, RCV, ACK, 100);
    Event.Packet fin = s.toPeer(SND + 100, RCV, FIN_ACK, 0);
    assertFail(s.run(), "DSC-7", fin);
  }

  /** The host had 50 bytes in flight (SndUna 1001, SndNxt 1051) and hands them over in the initiate's chain. */
  private static Script offloadWithDataInFlight() {
    Script s = new Script();
    s.toPeer(SND, RCV, ACK, 50);
    s.pending(Api.INITIATE_OFFLOAD, null, List.of(), null, List.of(
        Script.block("Neighbor1", null, OffloadStateType.NEIGHBOR, NdisStatus.PENDING),
        Script.block("Path1", "Neighbor1", OffloadStateType.PATH, NdisStatus.PENDING),
        Script.tcp(Script.TCP1, "Path1", NdisStatus.PENDING, List.of(Script.nbl(5, 50)),
            Script.delegated(SND, SND + 50, SND + 50, RCV))));
    s.upcall(Api.INITIATE_OFFLOAD_COMPLETE, null, List.of(), Script.oneConnection(Script.TCP1, NdisStatus.SUCCESS, null),
        null, null, null);
    return s;
  }

  @Test
  void dsc7_finAfterDataHandedOverAtInitiatePasses() {
    Script s = offloadWithDataInFlight();
    s.send(1);
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    s.toPeer(SND + 50, RCV, FIN_ACK, 100);
    s.fromPeer(RCV, SND + 151, ACK, 0);
    s.sendComplete(NdisStatus.SUCCESS, 5, 1);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    ScenarioVerdicts v = s.run();
    assertPass(v, "DSC-7");
    assertPass(v, "SND-1");
    assertPass(v, "SND-2");
  }

  @Test
  void dsc7_finOverlappingDataHandedOverAtInitiateFails() {
    Script s = offloadWithDataInFlight();
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    Event.Packet fin = s.toPeer(SND, RCV, FIN_ACK, 0);
    assertFail(s.run(), "DSC-7", fin);
  }

  @Test
  void dsc7_gracefulCompletedWithoutFinFails() {
    Script s = new Script().offload();
    Event call = s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    assertFail(s.run(), "DSC-7", call);
  }

  @Test
  void dsc8_finHeldUntilDataAcknowledgedFails() {
    Script s = new Script().offload();
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 50);
    s.toPeer(SND, RCV, ACK, 50);
    Event.Packet peerAck = s.fromPeer(RCV, SND + 50, ACK, 0);
    s.toPeer(SND + 50, RCV, FIN_ACK, 0);
    assertFail(s.run(), "DSC-8", peerAck);
  }

  /** The target closes its half; the peer then sends 50 bytes. */
  private static Script halfClosedThenPeerData() {
    Script s = new Script().offload();
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    s.toPeer(SND, RCV, FIN_ACK, 0);
    s.fromPeer(RCV, SND + 1, ACK, 0);
    s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    s.fromPeer(RCV, SND + 1, ACK, 50);
    return s;
  }

  @Test
  void dsc9_peerDataAfterFinAcknowledgedAndIndicatedPasses() {
    Script s = halfClosedThenPeerData();
    s.toPeer(SND + 1, RCV + 50, ACK, 0);
    s.receiveIndicate(50);
    assertPass(s.run(), "DSC-9");
  }

  @Test
  void dsc9_peerDataAfterFinIgnoredFails() {
    Script s = halfClosedThenPeerData();
    Event.Packet data = s.fromPeer(RCV + 50, SND + 1, ACK, 10);
    assertFail(s.run(), "DSC-9", data);
  }

  @Test
  void dsc9_peerDataAfterFinAcknowledgedButNotIndicatedFails() {
    Script s = halfClosedThenPeerData();
    Event.Packet data = s.fromPeer(RCV + 50, SND + 1, ACK, 10);
    s.toPeer(SND + 1, RCV + 60, ACK, 0);
    s.receiveIndicate(50);
    assertFail(s.run(), "DSC-9", data);
  }

  @Test
  void dsc10_gracefulCompletedBeforeOutstandingSendFails() {
    Script s = new Script().offload();
    s.send(1);
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    s.toPeer(SND, RCV, FIN_ACK, 100);
    Event early = s.disconnectComplete(DISCONNECT, NdisStatus.SUCCESS);
    s.fromPeer(RCV, SND + 101, ACK, 0);
    s.sendComplete(NdisStatus.SUCCESS, 1);
    assertFail(s.run(), "DSC-10", early);
  }

  @Test
  void dsc11_failedDisconnectOnAHealthyConnectionFails() {
    Script s = new Script().offload();
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    Event failed = s.disconnectComplete(DISCONNECT, NdisStatus.FAILURE);
    assertFail(s.run(), "DSC-11", failed);
  }

  /** A graceful disconnect pending when the host terminates; the target fails it, and the terminate returns the state. */
  private static Script disconnectFailedByUpload() {
    Script s = new Script().offload();
    s.disconnect(DISCONNECT, DisconnectFlags.GRACEFUL_CLOSE, 0);
    s.terminate();
    s.disconnectComplete(DISCONNECT, NdisStatus.UPLOAD_IN_PROGRESS);
    return s;
  }

  @Test
  void dsc11And12_disconnectFailedDuringUploadPasses() {
    Script s = disconnectFailedByUpload();
    s.terminateComplete(Script.delegated(SND, SND, SND, RCV));
    ScenarioVerdicts v = s.run();
    assertPass(v, "DSC-11");
    assertPass(v, "DSC-12");
  }

  @Test
  void dsc12_hostReissuingAFailedDisconnectFails() {
    Script s = disconnectFailedByUpload();
    Event again = s.disconnect(DISCONNECT + 1, DisconnectFlags.GRACEFUL_CLOSE, 0);
    s.disconnectComplete(DISCONNECT + 1, NdisStatus.UPLOAD_IN_PROGRESS);
    s.terminateComplete(Script.delegated(SND, SND, SND, RCV));
    assertFail(s.run(), "DSC-12", again);
  }

  @Test
  void dsc12_terminateFailingAfterAFailedDisconnectFails() {
    Script s = disconnectFailedByUpload();
    Event failed = s.terminateComplete(NdisStatus.FAILURE, null, null);
    assertFail(s.run(), "DSC-12", failed);
  }

  @Test
  void dsc13_terminateAfterDisconnectReturningStatePasses() {
    Script s = cleanGracefulClose();
    s.terminate();
    s.terminateComplete(Script.delegated(SND + 151, SND + 151, SND + 151, RCV).setState(TcpConnectionState.FIN_WAIT_2));
    assertPass(s.run(), "DSC-13");
  }

  @Test
  void dsc13_terminateAfterDisconnectWithoutStateFails() {
    Script s = cleanGracefulClose();
    s.terminate();
    Event done = s.terminateComplete(Script.delegated(SND + 151, SND + 151, SND + 151, RCV).setState(null)
        .clear(TcpDelegatedState.Field.RCV_NXT));
    assertFail(s.run(), "DSC-13", done);
  }
}
