package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.ACK;
import static dev.chimney.rules.monitor.Script.RCV;
import static dev.chimney.rules.monitor.Script.SND;
import static dev.chimney.rules.monitor.Script.assertFail;
import static dev.chimney.rules.monitor.Script.assertPass;

import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import org.junit.jupiter.api.Test;

/** SND-1 to SND-3: each caught on a faulty sequence, quiet on a compliant one. */
class SndMonitorsTest {

  @Test
  void snd1_completionsInDeliveryOrderPass() {
    Script s = new Script().offload();
    s.send(1);
    s.send(2);
    s.fromPeer(RCV, SND + 200, ACK, 0);
    s.sendComplete(NdisStatus.SUCCESS, 1, 2);
    assertPass(s.run(), "SND-1");
  }

  @Test
  void snd1_laterSendCompletedFirstFails() {
    Script s = new Script().offload();
    s.send(1);
    s.send(2);
    s.fromPeer(RCV, SND + 200, ACK, 0);
    Event wrong = s.sendComplete(NdisStatus.SUCCESS, 2);
    s.sendComplete(NdisStatus.SUCCESS, 1);
    assertFail(s.run(), "SND-1", wrong);
  }

  @Test
  void snd2_successAfterPeerAckPasses() {
    Script s = new Script().offload();
    s.send(1);
    s.toPeer(SND, RCV, ACK, 100);
    s.fromPeer(RCV, SND + 100, ACK, 0);
    s.sendComplete(NdisStatus.SUCCESS, 1);
    assertPass(s.run(), "SND-2");
  }

  @Test
  void snd2_successBeforePeerAckedAllFails() {
    Script s = new Script().offload();
    s.send(1);
    s.toPeer(SND, RCV, ACK, 100);
    s.fromPeer(RCV, SND + 50, ACK, 0);
    Event early = s.sendComplete(NdisStatus.SUCCESS, 1);
    assertFail(s.run(), "SND-2", early);
  }

  @Test
  void snd3_restOfChainFailingPasses() {
    Script s = new Script().offload();
    s.send(1, 2);
    s.sendComplete(NdisStatus.UPLOAD_IN_PROGRESS, 1, 2);
    assertPass(s.run(), "SND-3");
  }

  @Test
  void snd3_laterSendOfChainSucceedingFails() {
    Script s = new Script().offload();
    s.send(1, 2);
    s.sendComplete(NdisStatus.REQUEST_ABORTED, 1);
    s.fromPeer(RCV, SND + 200, ACK, 0);
    Event wrong = s.sendComplete(NdisStatus.SUCCESS, 2);
    assertFail(s.run(), "SND-3", wrong);
  }

  @Test
  void snd3_dataOfLaterSendTransmittedAfterFailureFails() {
    Script s = new Script().offload();
    s.send(1, 2);
    s.sendComplete(NdisStatus.REQUEST_ABORTED, 1);
    Event.Packet leaked = s.toPeer(SND + 100, RCV, ACK, 100);
    s.sendComplete(NdisStatus.REQUEST_ABORTED, 2);
    assertFail(s.run(), "SND-3", leaked);
  }
}
