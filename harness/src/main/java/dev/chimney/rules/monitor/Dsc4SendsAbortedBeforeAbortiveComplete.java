package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.wire.SeqNum;

/**
 * DSC-4: before completing an abortive disconnect, the target completes every outstanding send
 * with NDIS_STATUS_REQUEST_ABORTED (before or after the RST).
 *
 * <p>Exercised by an abortive disconnect completed with SUCCESS while sends were outstanding at the
 * request. Each of those sends must be completed before the disconnect completion, and those
 * completed after the request with REQUEST_ABORTED. A failed abortive disconnect aborted nothing,
 * so its sends stay outstanding (DSC-11 judges the failure).
 *
 * <p>Decided where the specification is silent: a send whose every byte the peer had acknowledged
 * before the request may complete with SUCCESS after it. Its success was settled before the target
 * saw the request, and a target completing asynchronously (the Linux kernel target's loop, a NIC's
 * completion already queued) cannot call it back; there was nothing left to abort. Its completion
 * must still come before the disconnect's.
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
      } else if (s.completion.seq() > done.call().seq() && s.completionStatus != NdisStatus.REQUEST_ABORTED
          && !(s.completionStatus == NdisStatus.SUCCESS && ackedBefore(s, done.connection()))) {
        violation(s + " completed with NDIS_STATUS_REQUEST_ABORTED after the abortive disconnect (event #"
            + done.call().seq() + ")", s.completionStatus.ndisName(), s.completion);
      }
    }
  }

  /** True when the peer had acknowledged all of {@code s} when the disconnect was requested. */
  private static boolean ackedBefore(TrackedSend s, TrackedConnection conn) {
    return SeqNum.known(s.streamEnd()) && SeqNum.known(conn.peerAckAtDisconnect)
        && !SeqNum.lt(conn.peerAckAtDisconnect, s.streamEnd());
  }
}
