package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.ACK;
import static dev.chimney.rules.monitor.Script.RCV;
import static dev.chimney.rules.monitor.Script.SND;
import static dev.chimney.rules.monitor.Script.TCP1;
import static dev.chimney.rules.monitor.Script.assertFail;
import static dev.chimney.rules.monitor.Script.assertPass;
import static dev.chimney.rules.monitor.Script.nbl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.NdisStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FWD-1 to FWD-5: each caught on a faulty sequence, quiet on a compliant one. */
class FwdMonitorsTest {
  /** A forwarded segment: a 20-byte TCP header and 50 bytes of data. */
  private static final int SEGMENT = ForwardedSegments.TCP_HEADER_BYTES + 50;

  private static Event.Call forward(Script s, long... ids) {
    List<NblView> nbls = Arrays.stream(ids).mapToObj(id -> nbl(id, SEGMENT)).toList();
    return s.pending(Api.TCP_OFFLOAD_FORWARD, TCP1, nbls, null, List.of());
  }

  private static Event.Upcall forwardComplete(Script s, long... ids) {
    List<NblView> nbls = Arrays.stream(ids).mapToObj(id -> nbl(id, SEGMENT)).toList();
    return s.upcall(Api.TCP_OFFLOAD_FORWARD_COMPLETE, null, nbls, List.of(), null, null, null);
  }

  @Test
  void forwardProcessedLikeWireDataPasses() {
    Script s = new Script().offload();
    forward(s, 31);
    s.toPeer(SND, RCV + 50, ACK, 0);
    s.receiveIndicate(50);
    forwardComplete(s, 31);
    ScenarioVerdicts v = s.run();
    for (String rule : List.of("FWD-1", "FWD-2", "FWD-3", "FWD-4", "FWD-5")) {
      assertPass(v, rule);
    }
  }

  @Test
  void fwd1_forwardReturningSuccessFails() {
    Script s = new Script().offload();
    Event.Call c = s.call(Api.TCP_OFFLOAD_FORWARD, TCP1, List.of(nbl(31, SEGMENT)), null, List.of());
    Event wrong = s.returned(c, NdisStatus.SUCCESS);
    assertFail(s.run(), "FWD-1", wrong);
  }

  @Test
  void fwd2_forwardCompletedTwiceFails() {
    Script s = new Script().offload();
    forward(s, 31);
    forwardComplete(s, 31);
    Event twice = forwardComplete(s, 31);
    assertFail(s.run(), "FWD-2", twice);
  }

  @Test
  void fwd2_forwardNeverCompletedFails() {
    Script s = new Script().offload();
    Event call = forward(s, 31, 32);
    forwardComplete(s, 31);
    assertFail(s.run(), "FWD-2", call);
  }

  @Test
  void fwd3_forwardedDataNeverAcknowledgedFails() {
    Script s = new Script().offload();
    Event call = forward(s, 31);
    s.receiveIndicate(50);
    forwardComplete(s, 31);
    assertFail(s.run(), "FWD-3", call);
  }

  @Test
  void fwd3_reforwardOfAnAcknowledgedWireSegmentOwesNothing() {
    Script s = new Script().offload();
    s.fromPeer(RCV, SND, ACK, 50);
    s.toPeer(SND, RCV + 50, ACK, 0);
    s.receiveIndicate(50);
    forward(s, 31);
    forwardComplete(s, 31);
    ScenarioVerdicts v = s.run();
    assertThat(v.verdict("FWD-3")).as("FWD-3 for a re-forwarded segment: evidence %s", v.evidence())
        .isEqualTo(Verdict.NOT_EXERCISED);
  }

  @Test
  void fwd3_newDataOfAnotherLengthStillJudgedAfterWireData() {
    Script s = new Script().offload();
    s.fromPeer(RCV, SND, ACK, 50);
    s.toPeer(SND, RCV + 50, ACK, 0);
    s.receiveIndicate(50);
    Event call = s.pending(Api.TCP_OFFLOAD_FORWARD, TCP1, List.of(nbl(31, ForwardedSegments.TCP_HEADER_BYTES + 80)),
        null, List.of());
    forwardComplete(s, 31);
    assertFail(s.run(), "FWD-3", call);
  }

  @Test
  void fwd4_twoBuffersInAForwardedListFails() {
    Script s = new Script().offload();
    Event call = s.pending(Api.TCP_OFFLOAD_FORWARD, TCP1, List.of(new NblView(31, NdisStatus.SUCCESS, SEGMENT, 2)),
        null, List.of());
    assertFail(s.run(), "FWD-4", call);
  }

  @Test
  void fwd5_forwardWhileTerminatingFails() {
    Script s = new Script().offload();
    s.terminate();
    Event call = forward(s, 31);
    assertFail(s.run(), "FWD-5", call);
  }
}
