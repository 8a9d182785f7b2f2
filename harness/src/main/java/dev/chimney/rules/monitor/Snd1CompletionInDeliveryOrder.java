package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;

/**
 * SND-1: send requests on a connection are completed in the order in which they were delivered.
 *
 * <p>Exercised when two or more sends are outstanding on a connection at once. Broken by a send
 * completion of a list while a list delivered earlier on the same connection is still outstanding.
 * Lists handed back by a terminate (TOC-5) leave the queue without a completion.
 *
 * <p>When it fails: the target completes sends per segment acknowledged or from several queues;
 * it must complete them from one queue in delivery order.
 */
final class Snd1CompletionInDeliveryOrder extends MonitorBase {
  Snd1CompletionInDeliveryOrder(MonitorContext context) {
    super("SND-1", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_SEND) {
      TrackedConnection conn = tracker().connection(c.connection());
      if (conn != null && conn.outstanding.size() >= 2) {
        exercise();
      }
    } else if (event instanceof Event.Upcall u && u.api() == Api.INITIATE_OFFLOAD_COMPLETE) {
      tracker().connections().stream().filter(conn -> conn.outstanding.size() >= 2).findAny().ifPresent(conn -> exercise());
    }
    for (Completion.CompletedSend done : tracker().lastSendCompletions()) {
      // expectedNext null: the send was not outstanding (its offload failed, or it was handed back);
      // completing it is PAR-3's or TOC-9's business, not a question of order
      if (done.send() != null && !done.repeated() && done.expectedNext() != null && !done.inOrder()) {
        violation(done.send().connection + ": sends completed in delivery order, " + done.expectedNext() + " first",
            done.send() + " completed while " + done.expectedNext() + " was outstanding", event);
      }
    }
  }
}
