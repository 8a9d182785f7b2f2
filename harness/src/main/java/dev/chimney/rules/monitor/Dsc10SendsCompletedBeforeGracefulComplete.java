package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;

/**
 * DSC-10: before completing a graceful disconnect, the target completes every outstanding send, in
 * the order the sends were delivered.
 *
 * <p>Exercised by a graceful disconnect completed with SUCCESS while sends were outstanding at the
 * request. Each of those must be completed before the disconnect completion, their completions in
 * delivery order. (SND-1 judges the order of every send completion; this monitor judges it against
 * the disconnect.)
 *
 * <p>When it fails: the target completes the disconnect when its FIN is acknowledged without
 * flushing the send completions first.
 */
final class Dsc10SendsCompletedBeforeGracefulComplete extends MonitorBase {
  Dsc10SendsCompletedBeforeGracefulComplete(MonitorContext context) {
    super("DSC-10", context);
  }

  @Override
  public void onEvent(Event event) {
    Completion.Disconnect done = tracker().lastDisconnectCompletion();
    if (done == null || done.call() == null || done.connection() == null
        || done.call().flags() != DisconnectFlags.GRACEFUL_CLOSE || done.nbl().status() != NdisStatus.SUCCESS) {
      return;
    }
    long lastCompletion = 0;
    TrackedSend previous = null;
    for (TrackedSend s : done.connection().outstandingAtDisconnect) {
      exercise();
      if (s.completion == null) {
        violation(s + " completed before the graceful disconnect completes", s + " still outstanding", done.upcall());
        continue;
      }
      if (s.completion.seq() < lastCompletion) {
        violation(previous + " and " + s + " completed in delivery order before the graceful disconnect completes",
            s + " completed first", s.completion);
      }
      lastCompletion = s.completion.seq();
      previous = s;
    }
  }
}
