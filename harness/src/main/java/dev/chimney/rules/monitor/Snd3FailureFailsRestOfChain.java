package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.util.HashMap;
import java.util.Map;

/**
 * SND-3: once a send fails, every later send in the same chain fails too and none of its data is
 * sent.
 *
 * <p>"The same chain" is the chain one MiniportTcpOffloadSend delivered. Exercised by a failed send
 * completion with lists after it in its chain. Broken by a SUCCESS completion of one of those later
 * lists, and by a segment of the target's own carrying bytes of one of them beyond what was on the
 * wire when the failure was reported. A new offload of the connection starts afresh.
 *
 * <p>When it fails: the target fails one list (say on an upload) but keeps transmitting the queue
 * behind it.
 */
final class Snd3FailureFailsRestOfChain extends MonitorBase {
  /** Lists that must fail, with the failed list that condemned them. */
  private final Map<Long, TrackedSend> mustFail = new HashMap<>();
  /** Per list that must fail, the highest sequence end sent towards the peer when the failure came. */
  private final Map<Long, Long> wireAtFailure = new HashMap<>();

  Snd3FailureFailsRestOfChain(MonitorContext context) {
    super("SND-3", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD) {
      c.tree().forEach(b -> mustFail.values().removeIf(s -> s.connection.equals(b.name())));
      wireAtFailure.keySet().retainAll(mustFail.keySet());
    } else if (event instanceof Event.Packet p && tracker().isTargetPacket(p) && p.segment().payloadLength() > 0) {
      onData(p);
    }
    for (Completion.CompletedSend done : tracker().lastSendCompletions()) {
      TrackedSend s = done.send();
      if (s == null || done.repeated()) {
        continue;
      }
      TrackedSend failed = mustFail.get(s.nblId);
      if (failed != null && done.nbl().status() == NdisStatus.SUCCESS) {
        violation(s.connection + ": every list after " + failed + " in its chain fails once it failed",
            s + " completed with NDIS_STATUS_SUCCESS", event);
      }
      if (done.nbl().status() != NdisStatus.SUCCESS) {
        condemnRestOfChain(s);
      }
    }
  }

  private void condemnRestOfChain(TrackedSend failed) {
    long wire = tracker().connection(failed.connection).highestSentSeqEnd;
    for (long id : failed.chain.subList(failed.index + 1, failed.chain.size())) {
      TrackedSend later = tracker().send(id);
      if (later != null && !mustFail.containsKey(id)) {
        exercise();
        mustFail.put(id, failed);
        if (SeqNum.known(wire)) {
          wireAtFailure.put(id, wire);
        }
      }
    }
  }

  private void onData(Event.Packet p) {
    TcpSegment seg = p.segment();
    long end = SeqNum.add(seg.seq(), seg.payloadLength());
    for (Map.Entry<Long, TrackedSend> e : mustFail.entrySet()) {
      TrackedSend later = tracker().send(e.getKey());
      if (!later.connection.equals(p.connection()) || !SeqNum.known(later.streamStart) || later.length == 0) {
        continue;
      }
      Long wire = wireAtFailure.get(e.getKey());
      boolean overlaps = SeqNum.lt(seg.seq(), later.streamEnd()) && SeqNum.lt(later.streamStart, end);
      boolean beyondWire = wire == null || SeqNum.lt(wire, end);
      if (overlaps && beyondWire) {
        violation(later.connection + ": none of " + later + "'s data sent after " + e.getValue() + " failed",
            "bytes " + seg.seq() + ".." + end + " sent", p);
      }
    }
  }
}
