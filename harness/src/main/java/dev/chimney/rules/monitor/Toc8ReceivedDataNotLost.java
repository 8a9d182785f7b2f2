package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.wire.SeqNum;

/**
 * TOC-8: received data the target took off the wire and acknowledged is not lost on termination:
 * it was indicated to the host or comes back as buffered data in the delegated state.
 *
 * <p>Exercised by a TCP object terminated with SUCCESS after the target acknowledged peer data in
 * that offload. The bytes it acknowledged are its highest ACK less the RcvNxt delegated at initiate
 * (less one for the peer's FIN, when acknowledged); the bytes the host got are those of receive
 * completions and receive indications for the connection in that offload, plus the BufferedData of
 * the terminate. The second must be at least the first.
 *
 * <p>Decision: a receive indication is counted whole, as the harness's host consumes all it is
 * indicated; were a host to consume part and get the rest again, the count would be lenient, never
 * falsely strict.
 *
 * <p>When it fails: data acknowledged on the wire was neither indicated nor returned in
 * BufferedData; look at what the target does with data waiting for a posted receive at upload.
 */
final class Toc8ReceivedDataNotLost extends MonitorBase {
  Toc8ReceivedDataNotLost(MonitorContext context) {
    super("TOC-8", context);
  }

  @Override
  public void onEvent(Event event) {
    for (Completion.TerminatedTcp t : TerminatedSuccessfully.in(event, tracker())) {
      TrackedConnection conn = t.connection();
      long rcvNxt = conn.rcvNxtAtInitiate;
      if (!SeqNum.known(rcvNxt) || !SeqNum.known(conn.targetAckThisOffload)) {
        continue;
      }
      long acked = SeqNum.distance(rcvNxt, conn.targetAckThisOffload);
      // The peer's FIN takes one sequence number but is no data: an ACK past it (seqEnd) counts one less.
      long finEnd = conn.peerFinSeqEnd;
      if (SeqNum.known(finEnd) && SeqNum.le(finEnd, conn.targetAckThisOffload) && SeqNum.lt(rcvNxt, finEnd)) {
        acked--;
      }
      if (acked <= 0) {
        continue;
      }
      exercise();
      if (conn.deliveredThisOffload < acked) {
        violation(conn.name + ": the " + acked + " bytes the target acknowledged indicated to the host or handed back as buffered data",
            conn.deliveredThisOffload + " bytes reached the host", event);
      }
    }
  }
}
