package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;

/**
 * DSC-4: before completing an abortive disconnect, the target completes every outstanding send
 * with NDIS_STATUS_REQUEST_ABORTED (before or after the RST).
 *
 * <p>Exercised by an abortive disconnect completed with SUCCESS while sends were outstanding at the
 * request. Each of those sends must be completed before the disconnect completion, and those
 * completed after the request with REQUEST_ABORTED. A failed abortive disconnect aborted nothing,
 * so its sends stay outstanding (DSC-11 judges the failure).
 *
 * <p>When it fails: the target completes the disconnect first and the sends later (or never, or
 * with SUCCESS though the peer never acknowledged them).
 */
final class Dsc4SendsAbortedBeforeAbortiveComplete extends MonitorBase {
  Dsc4SendsAbortedBeforeAbortiveComplete(MonitorContext context) {
    super("DSC-4", context);
  }

  @Override
  public void onEvent(Event event) {
    Completion.Disconnect done = tracker().lastDisconnectCompletion();
    if (done == null || done.call() == null || done.connection() == null
        || done.call().flags() != DisconnectFlags.ABORTIVE_CLOSE || done.nbl().status() != NdisStatus.SUCCESS) {
      return;
    }
    for (TrackedSend s : done.connection().outstandingAtDisconnect) {
      exercise();
      if (s.completion == null) {
        violation(s + " completed with NDIS_STATUS_REQUEST_ABORTED before the abortive disconnect completes",
            s + " still outstanding", done.upcall());
      } else if (s.completion.seq() > done.call().seq() && s.completionStatus != NdisStatus.REQUEST_ABORTED) {
        violation(s + " completed with NDIS_STATUS_REQUEST_ABORTED after the abortive disconnect (event #"
            + done.call().seq() + ")", s.completionStatus.ndisName(), s.completion);
      }
    }
  }
}
