package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.Collections;
import java.util.Map;

/**
 * DSC-7: a graceful disconnect sends the supplied data, if any, then a FIN, separate or on the last
 * data segment, its sequence number one past the last data byte.
 *
 * <p>Exercised by a graceful disconnect on a connection whose place in the stream is known (the
 * host delegated SndUna or SndNxt). The FIN's sequence number must be the end of everything the
 * host handed over (the delegated SndUna, plus every send, plus the disconnect's data); every data
 * byte up to it must be on the wire by the time the FIN is; no data may follow the FIN; and a
 * graceful disconnect the target completed with SUCCESS must have produced a FIN by the end of the
 * scenario.
 *
 * <p>When it fails: a FIN too early is data dropped (often the disconnect's own data); too late is
 * data invented or counted twice; no FIN means the disconnect was completed without closing.
 */
final class Dsc7FinAfterLastDataByte extends MonitorBase {
  private Map<String, Event.Call> awaitingFin = Collections.emptyMap();
  private Map<String, Long> finSeq = Collections.emptyMap();

  Dsc7FinAfterLastDataByte(MonitorContext context) {
    super("DSC-7", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD) {
      for (BlockView b : c.tree()) {
        awaitingFin.remove(b.name());
        finSeq.remove(b.name());
      }
    } else if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT
        && c.flags() == DisconnectFlags.GRACEFUL_CLOSE) {
      TrackedConnection conn = tracker().connection(c.connection());
      if (conn != null && SeqNum.known(conn.gracefulFinSeq)) {
        exercise();
        awaitingFin = LazyCollections.putOrdered(awaitingFin, conn.name, c);
        finSeq = LazyCollections.put(finSeq, conn.name, conn.gracefulFinSeq);
      }
    } else if (event instanceof Event.Packet p && p.direction() == Direction.TO_PEER && p.connection() != null) {
      onSent(p);
    }
  }

  private void onSent(Event.Packet p) {
    TcpSegment s = p.segment();
    String name = p.connection();
    Long expected = finSeq.get(name);
    if (expected == null || !tracker().isTargetPacket(p)) {
      return;
    }
    if (s.payloadLength() > 0 && SeqNum.lt(expected, SeqNum.add(s.seq(), s.payloadLength()))) {
      violation(name + ": no data past seq " + expected + ", where the FIN goes",
          "data up to seq " + SeqNum.add(s.seq(), s.payloadLength()), p);
    }
    if (!s.has(TcpFlag.FIN) || awaitingFin.remove(name) == null) {
      return;
    }
    long fin = SeqNum.add(s.seq(), s.payloadLength());
    if (fin != expected) {
      violation(name + ": FIN at seq " + expected + ", one past the last data byte", "FIN at seq " + fin, p);
    }
    long sent = sentUpTo(tracker().connection(name));
    if (!SeqNum.known(sent) || SeqNum.lt(sent, expected)) {
      violation(name + ": every data byte up to seq " + expected + " sent before or with the FIN",
          "data sent only up to seq " + Seq.text(sent), p);
    }
  }

  /** The end of the data on the wire: the later of the data segments seen and the delegated SndNxt. */
  private static long sentUpTo(TrackedConnection conn) {
    long sent = conn.highestSentDataEnd;
    if (SeqNum.known(conn.sndNxtAtInitiate)) {
      sent = SeqNum.highest(sent, conn.sndNxtAtInitiate);
    }
    return sent;
  }

  @Override
  public void finish() {
    awaitingFin.forEach((name, call) -> {
      TrackedConnection conn = tracker().connection(name);
      if (conn.disconnectCompletion != null && conn.failedDisconnect == null) {
        violation(name + ": a FIN after the graceful disconnect's data", "no FIN before the scenario ended", call);
      }
    });
  }
}
