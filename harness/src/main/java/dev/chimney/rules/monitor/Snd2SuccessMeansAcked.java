package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.wire.SeqNum;
import java.util.List;

/**
 * SND-2: NDIS_STATUS_SUCCESS on a send completion means all its data was sent and acknowledged by
 * the peer.
 *
 * <p>Exercised by every SUCCESS completion of a send whose place in the stream is known: its bytes
 * run from the delegated SndUna of the offload (else SndNxt), plus the bytes of every list handed
 * over before it, in delivery order. Broken when the peer's highest ACK on the wire, at that
 * moment, is short of the list's last byte.
 *
 * <p>When it fails: the target completes sends when it transmits them, or counts ACKs against the
 * wrong list; compare the evidence's sequence numbers with the peer's ACKs in the capture.
 */
final class Snd2SuccessMeansAcked extends MonitorBase {
  Snd2SuccessMeansAcked(MonitorContext context) {
    super("SND-2", context);
  }

  @Override
  public void onEvent(Event event) {
    // Indexed: this runs for every event, and an iterator over the usual empty list is garbage.
    List<Completion.CompletedSend> completions = tracker().lastSendCompletions();
    for (int i = 0; i < completions.size(); i++) {
      Completion.CompletedSend done = completions.get(i);
      TrackedSend s = done.send();
      if (s == null || done.repeated() || done.nbl().status() != NdisStatus.SUCCESS || !SeqNum.known(s.streamEnd())) {
        continue;
      }
      exercise();
      long acked = tracker().connection(s.connection).highestPeerAck;
      if (!SeqNum.known(acked) || SeqNum.lt(acked, s.streamEnd())) {
        violation(s.connection + ": SUCCESS for " + s + " only once the peer acknowledged up to seq " + s.streamEnd(),
            "the peer had acknowledged up to " + (SeqNum.known(acked) ? "seq " + acked : "nothing"), event);
      }
    }
  }
}
