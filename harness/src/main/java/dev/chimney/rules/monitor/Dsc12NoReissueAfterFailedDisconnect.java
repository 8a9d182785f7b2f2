package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * DSC-12: after a failed disconnect the host never issues it again; a target must not depend on a
 * second request: the connection still terminates cleanly.
 *
 * <p>Exercised by a disconnect completed with a failure Status. Host half: no further
 * MiniportTcpOffloadDisconnect on that connection in the same offload. Target half: the connection's
 * next terminate completes with SUCCESS for it.
 *
 * <p>When it fails: a second disconnect is the harness's host driver; a failed terminate after a
 * failed disconnect is the target waiting for a disconnect that will never come.
 */
final class Dsc12NoReissueAfterFailedDisconnect extends MonitorBase {
  Dsc12NoReissueAfterFailedDisconnect(MonitorContext context) {
    super("DSC-12", context);
  }

  @Override
  public void onEvent(Event event) {
    Completion.Disconnect done = tracker().lastDisconnectCompletion();
    if (done != null && done.call() != null && done.nbl().status() != NdisStatus.SUCCESS) {
      exercise();
    }
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT) {
      TrackedConnection conn = tracker().connection(c.connection());
      if (conn != null && conn.failedDisconnect != null) {
        violation("host: no second disconnect on " + conn.name + " after the failed one (event #"
            + conn.failedDisconnect.seq() + ")", "MiniportTcpOffloadDisconnect again", c);
      }
    }
    Completion.Terminate terminated = tracker().lastTerminateCompletion();
    if (terminated == null || terminated.call() == null) {
      return;
    }
    for (Completion.TerminatedTcp t : terminated.tcps()) {
      if (t.connection().failedDisconnect != null && t.block().status() != NdisStatus.SUCCESS) {
        violation(t.connection().name + ": the terminate after the failed disconnect (event #"
            + t.connection().failedDisconnect.seq() + ") completes with NDIS_STATUS_SUCCESS",
            t.block().status().ndisName(), terminated.upcall());
      }
    }
  }
}
