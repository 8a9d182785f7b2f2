package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.ACK;
import static dev.chimney.rules.monitor.Script.RCV;
import static dev.chimney.rules.monitor.Script.SND;
import static dev.chimney.rules.monitor.Script.assertFail;
import static dev.chimney.rules.monitor.Script.assertPass;
import static dev.chimney.rules.monitor.Script.delegated;
import static dev.chimney.rules.monitor.Script.nbl;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpDelegatedState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TOC-1 to TOC-10: each caught on a faulty sequence, quiet on a compliant one. */
class TocMonitorsTest {

  /** 100 bytes each way, all acknowledged: the state a clean terminate returns is {@link #exchanged()}. */
  private static Script afterExchange() {
    Script s = new Script().offload();
    s.send(1);
    s.toPeer(SND, RCV, ACK, 100);
    s.fromPeer(RCV, SND + 100, ACK, 50);
    s.toPeer(SND + 100, RCV + 50, ACK, 0);
    s.receiveIndicate(50);
    s.sendComplete(NdisStatus.SUCCESS, 1);
    return s;
  }

  private static TcpDelegatedState exchanged() {
    return delegated(SND + 100, SND + 100, SND + 100, RCV + 50);
  }

  @Test
  void cleanTerminatePassesEveryCompletionRule() {
    Script s = afterExchange();
    s.terminate();
    s.terminateComplete(exchanged());
    ScenarioVerdicts v = s.run();
    for (String rule : List.of("TOC-1", "TOC-2", "TOC-3", "TOC-4", "TOC-7", "TOC-8", "TOC-9", "TRM-5")) {
      assertPass(v, rule);
    }
  }

  @Test
  void toc1_secondCompletionFails() {
    Script s = afterExchange();
    s.terminate();
    s.terminateComplete(exchanged());
    Event twice = s.terminateComplete(exchanged());
    assertFail(s.run(), "TOC-1", twice);
  }

  @Test
  void toc1_terminateNeverCompletedFails() {
    Script s = afterExchange();
    Event call = s.terminate();
    assertFail(s.run(), "TOC-1", call);
  }

  @Test
  void toc1_completionWithAnotherTreeFails() {
    Script s = afterExchange();
    s.terminate();
    Event other = s.upcall(Api.TERMINATE_OFFLOAD_COMPLETE, null, List.of(), List.of(
        Script.tcp(Script.TCP1, "Path1", NdisStatus.SUCCESS, null, exchanged()),
        Script.tcp("TCP9", "Path1", NdisStatus.SUCCESS, null, exchanged())), null, null, null);
    assertFail(s.run(), "TOC-1", other);
  }

  @Test
  void toc2_statusOtherThanSuccessOrFailureFails() {
    Script s = afterExchange();
    s.terminate();
    Event done = s.terminateComplete(NdisStatus.OFFLOAD_PARTIAL_SUCCESS, null, exchanged());
    assertFail(s.run(), "TOC-2", done);
  }

  @Test
  void toc3_sndUnaBehindThePeersAckFails() {
    Script s = afterExchange();
    s.terminate();
    Event done = s.terminateComplete(delegated(SND, SND + 100, SND + 100, RCV + 50));
    assertFail(s.run(), "TOC-3", done);
  }

  @Test
  void toc3_rcvNxtBeyondWhatWasAcknowledgedFails() {
    Script s = afterExchange();
    s.terminate();
    Event done = s.terminateComplete(delegated(SND + 100, SND + 100, SND + 100, RCV + 80));
    assertFail(s.run(), "TOC-3", done);
  }

  @Test
  void toc4_failureOnAnOrdinaryUploadFails() {
    Script s = afterExchange();
    s.terminate();
    Event done = s.terminateComplete(NdisStatus.FAILURE, null, null);
    assertFail(s.run(), "TOC-4", done);
  }

  /** Two sends of 100 bytes outstanding, the first half acknowledged. */
  private static Script twoSendsOutstanding() {
    Script s = new Script().offload();
    s.send(1);
    s.send(2);
    s.toPeer(SND, RCV, ACK, 200);
    s.fromPeer(RCV, SND + 50, ACK, 0);
    s.terminate();
    return s;
  }

  @Test
  void toc5And6_outstandingSendsHandedBackInOrderPass() {
    Script s = twoSendsOutstanding();
    s.terminateComplete(NdisStatus.SUCCESS, List.of(nbl(1, 100), nbl(2, 100)), delegated(SND + 50, SND + 200, SND + 200, RCV));
    ScenarioVerdicts v = s.run();
    assertPass(v, "TOC-5");
    assertPass(v, "TOC-6");
    assertPass(v, "TOC-3");
  }

  @Test
  void toc5_sendsHandedBackOutOfOrderFails() {
    Script s = twoSendsOutstanding();
    Event done = s.terminateComplete(NdisStatus.SUCCESS, List.of(nbl(2, 100), nbl(1, 100)),
        delegated(SND + 50, SND + 200, SND + 200, RCV));
    assertFail(s.run(), "TOC-5", done);
  }

  @Test
  void toc5_outstandingSendsNotHandedBackFails() {
    Script s = twoSendsOutstanding();
    Event done = s.terminateComplete(delegated(SND + 50, SND + 200, SND + 200, RCV));
    assertFail(s.run(), "TOC-5", done);
  }

  @Test
  void toc6_sendVariablesUnsetWithDataFails() {
    Script s = twoSendsOutstanding();
    Event done = s.terminateComplete(NdisStatus.SUCCESS, List.of(nbl(1, 100), nbl(2, 100)),
        delegated(SND + 50, SND + 200, SND + 200, RCV).clear(TcpDelegatedState.Field.SND_MAX));
    assertFail(s.run(), "TOC-6", done);
  }

  @Test
  void toc7_completedSendHandedBackFails() {
    Script s = afterExchange();
    s.terminate();
    Event done = s.terminateComplete(NdisStatus.SUCCESS, List.of(nbl(1, 100)), exchanged());
    assertFail(s.run(), "TOC-7", done);
  }

  @Test
  void toc8_acknowledgedDataReturnedAsBufferedDataPasses() {
    Script s = new Script().offload();
    s.fromPeer(RCV, SND, ACK, 50);
    s.toPeer(SND, RCV + 50, ACK, 0);
    s.terminate();
    s.upcall(Api.TERMINATE_OFFLOAD_COMPLETE, null, List.of(), List.of(new BlockView(Script.TCP1, "Path1",
        OffloadStateType.TCP, NdisStatus.SUCCESS, null, delegated(SND, SND, SND, RCV + 50),
        List.of(new NblView(-5, NdisStatus.SUCCESS, 50, 1)))), null, null, null);
    assertPass(s.run(), "TOC-8");
  }

  @Test
  void toc8_acknowledgedDataLostFails() {
    Script s = new Script().offload();
    s.fromPeer(RCV, SND, ACK, 50);
    s.toPeer(SND, RCV + 50, ACK, 0);
    s.terminate();
    Event done = s.terminateComplete(delegated(SND, SND, SND, RCV + 50));
    assertFail(s.run(), "TOC-8", done);
  }

  @Test
  void toc9_segmentOfItsOwnAfterTerminateFails() {
    Script s = afterExchange();
    s.terminate();
    s.terminateComplete(exchanged());
    Event.Packet late = s.toPeer(SND + 100, RCV + 50, ACK, 0);
    assertFail(s.run(), "TOC-9", late);
  }

  @Test
  void toc9_sendCompletionAfterTerminateFails() {
    Script s = twoSendsOutstanding();
    s.terminateComplete(NdisStatus.SUCCESS, List.of(nbl(1, 100), nbl(2, 100)), delegated(SND + 50, SND + 200, SND + 200, RCV));
    Event late = s.sendComplete(NdisStatus.REQUEST_ABORTED, 1);
    assertFail(s.run(), "TOC-9", late);
  }

  /** A terminate during which the peer sends 30 bytes. */
  private static Script peerDataDuringTerminate() {
    Script s = afterExchange();
    s.terminate();
    s.fromPeer(RCV + 50, SND + 100, ACK, 30);
    return s;
  }

  @Test
  void toc10_segmentIndicatedToHostAndNotAcknowledgedPasses() {
    Script s = peerDataDuringTerminate();
    s.upcall(Api.INDICATE_RECEIVE_NET_BUFFER_LISTS, Script.TCP1, List.of(), List.of(), null, null, null);
    s.terminateComplete(exchanged());
    assertPass(s.run(), "TOC-10");
  }

  @Test
  void toc10_segmentAcknowledgedByTheTargetFails() {
    Script s = peerDataDuringTerminate();
    s.upcall(Api.INDICATE_RECEIVE_NET_BUFFER_LISTS, Script.TCP1, List.of(), List.of(), null, null, null);
    Event.Packet acked = s.toPeer(SND + 100, RCV + 80, ACK, 0);
    s.terminateComplete(exchanged());
    assertFail(s.run(), "TOC-10", acked);
  }

  @Test
  void toc10_segmentNeverIndicatedFails() {
    Script s = afterExchange();
    s.terminate();
    Event.Packet swallowed = s.fromPeer(RCV + 50, SND + 100, ACK, 30);
    s.terminateComplete(exchanged());
    assertFail(s.run(), "TOC-10", swallowed);
  }
}
