package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.ACK;
import static dev.chimney.rules.monitor.Script.RCV;
import static dev.chimney.rules.monitor.Script.SND;
import static dev.chimney.rules.monitor.Script.TCP1;
import static dev.chimney.rules.monitor.Script.assertFail;
import static dev.chimney.rules.monitor.Script.assertPass;
import static dev.chimney.rules.monitor.Script.delegated;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TRM-1 to TRM-8: each caught on a faulty sequence, quiet on a compliant one. */
class TrmMonitorsTest {

  @Test
  void retrieveAnsweredByTerminatePasses() {
    Script s = new Script().offload();
    s.retrieve(TCP1, TcpUploadReason.LOW_RESOURCES);
    s.terminate();
    s.terminateComplete(delegated(SND, SND, SND, RCV));
    ScenarioVerdicts v = s.run();
    assertPass(v, "TRM-1");
    assertPass(v, "TRM-2");
    assertPass(v, "TRM-3");
    assertPass(v, "TRM-5");
  }

  @Test
  void trm1_retrieveWithoutReasonFails() {
    Script s = new Script().offload();
    Event retrieve = s.retrieve(TCP1, null);
    s.terminate();
    assertFail(s.run(), "TRM-1", retrieve);
  }

  @Test
  void trm1_hostCallingSomethingElseFirstFails() {
    Script s = new Script().offload();
    s.retrieve(TCP1, TcpUploadReason.LOW_RESOURCES);
    Event send = s.send(1);
    s.terminate();
    assertFail(s.run(), "TRM-1", send);
  }

  @Test
  void trm1_theHarnessAskingForAnotherRetrieveIsNotAHostCall() {
    // A scenario that asks the target for several retrieves in a row (TRM-4) may see the first
    // TcpIndicateRetrieve before it has made the second request; the request is the harness's
    // test hook, not a call of the chimney interface, so the host still answers in time.
    Script s = new Script().offload();
    s.retrieve(TCP1, TcpUploadReason.LOW_RESOURCES);
    s.call(Api.REQUEST_RETRIEVE, TCP1, List.of(), null, List.of());
    s.terminate();
    s.terminateComplete(delegated(SND, SND, SND, RCV));
    assertPass(s.run(), "TRM-1");
  }

  @Test
  void trm1_retrieveNeverAnsweredFails() {
    Script s = new Script().offload();
    Event retrieve = s.retrieve(TCP1, TcpUploadReason.SLOW_RECEIVER);
    assertFail(s.run(), "TRM-1", retrieve);
  }

  @Test
  void trm2_retrieveWithoutConnectionFails() {
    Script s = new Script().offload();
    Event retrieve = s.retrieve(null, TcpUploadReason.LOW_RESOURCES);
    assertFail(s.run(), "TRM-2", retrieve);
  }

  @Test
  void trm3_retrieveOfAPathFails() {
    Script s = new Script().offload();
    Event retrieve = s.retrieve("Path1", TcpUploadReason.LOW_RESOURCES);
    assertFail(s.run(), "TRM-3", retrieve);
  }

  @Test
  void trm4_repeatedRetrieveWithOneTerminatePasses() {
    Script s = new Script().offload();
    s.retrieve(TCP1, TcpUploadReason.LOW_RESOURCES);
    s.terminate();
    s.retrieve(TCP1, TcpUploadReason.LOW_RESOURCES);
    s.terminateComplete(delegated(SND, SND, SND, RCV));
    assertPass(s.run(), "TRM-4");
  }

  @Test
  void trm4_secondTerminateForARepeatedRetrieveFails() {
    Script s = new Script().offload();
    s.retrieve(TCP1, TcpUploadReason.LOW_RESOURCES);
    s.terminate();
    s.retrieve(TCP1, TcpUploadReason.LOW_RESOURCES);
    Event second = s.terminate();
    assertFail(s.run(), "TRM-4", second);
  }

  @Test
  void trm5_terminateRefusedFails() {
    Script s = new Script().offload();
    Event.Call c = s.call(Api.TERMINATE_OFFLOAD, null, List.of(), null,
        List.of(Script.tcp(TCP1, "Path1", NdisStatus.PENDING, null, null)));
    Event refused = s.returned(c, NdisStatus.INVALID_STATE);
    assertFail(s.run(), "TRM-5", refused);
  }

  /** The harness asks for UPLOAD_ALL; the target indicates it; the host terminates TCP1; the target resumes. */
  private static Script uploadAll() {
    Script s = new Script().offload();
    s.toPeer(SND, RCV, ACK, 100);
    s.fromPeer(RCV, SND + 100, ACK, 0);
    s.pending(Api.REQUEST_UPLOAD_ALL, null, List.of(), null, List.of());
    s.indicateStatus(NdisStatus.UPLOAD_ALL);
    s.terminate();
    s.terminateComplete(delegated(SND + 100, SND + 100, SND + 100, RCV));
    return s;
  }

  @Test
  void uploadAllThenResumeThenOffloadPasses() {
    Script s = uploadAll();
    s.indicateStatus(NdisStatus.OFFLOAD_RESUME);
    s.offload(SND + 100, RCV);
    ScenarioVerdicts v = s.run();
    assertPass(v, "TRM-6");
    assertPass(v, "TRM-7");
  }

  @Test
  void trm6_uploadAllNeverIndicatedFails() {
    Script s = new Script().offload();
    Event request = s.pending(Api.REQUEST_UPLOAD_ALL, null, List.of(), null, List.of());
    assertFail(s.run(), "TRM-6", request);
  }

  @Test
  void trm6_connectionNotTerminatedAfterUploadAllFails() {
    Script s = new Script().offload();
    Event indication = s.indicateStatus(NdisStatus.UPLOAD_ALL);
    assertFail(s.run(), "TRM-6", indication);
  }

  @Test
  void trm7_resumeBeforeTerminationCompletedFails() {
    Script s = new Script().offload();
    s.indicateStatus(NdisStatus.UPLOAD_ALL);
    s.terminate();
    Event early = s.indicateStatus(NdisStatus.OFFLOAD_RESUME);
    s.terminateComplete(delegated(SND, SND, SND, RCV));
    assertFail(s.run(), "TRM-7", early);
  }

  @Test
  void trm7_hostOffloadingAnotherConnectionBeforeResumeFails() {
    Script s = uploadAll();
    s.pending(Api.INITIATE_OFFLOAD, null, List.of(), null,
        Script.oneConnection("TCP2", NdisStatus.PENDING, delegated(SND, SND, SND, RCV)));
    assertFail(s.run(), "TRM-7", s.lastCall(Api.INITIATE_OFFLOAD));
  }

  @Test
  void trm7_failoverOfTheUploadedConnectionsBeforeResumeIsNotJudged() {
    Script s = uploadAll();
    s.offload(SND + 100, RCV);
    assertPass(s.run(), "TRM-7");
  }

  @Test
  void trm8_failoverContinuingTheStreamPasses() {
    Script s = uploadAll();
    s.offload(SND + 100, RCV);
    s.toPeer(SND + 100, RCV, ACK, 100);
    s.toPeer(SND + 50, RCV, ACK, 50);
    assertPass(s.run(), "TRM-8");
  }

  @Test
  void trm8_failoverResendingOtherBytesFails() {
    Script s = uploadAll();
    s.offload(SND + 50, RCV);
    Event.Packet shifted = s.packet(Direction.TO_PEER, TCP1, SND + 50, RCV, ACK, Script.stream(SND + 100, 100));
    assertFail(s.run(), "TRM-8", shifted);
  }

  @Test
  void trm8_failoverSkippingBytesFails() {
    Script s = uploadAll();
    s.offload(SND + 200, RCV);
    Event.Packet after = s.toPeer(SND + 200, RCV, ACK, 100);
    assertFail(s.run(), "TRM-8", after);
  }
}
