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
 * DSC-9: after its FIN the receive half stays open: the target goes on accepting, acknowledging
 * and indicating data until the peer's FIN or RST, a termination, or an abortive disconnect.
 *
 * <p>Exercised by peer data arriving after the target's FIN, before any of those ends. Judged when
 * the scenario ends: the target's ACK must cover that data (TOC-10 has owed ACKs sent before a
 * terminate completes, so a later terminate is no excuse), and the bytes handed to the host since
 * the FIN (receive completions, indications, buffered data at a terminate) must be at least the new
 * bytes received.
 *
 * <p>When it fails: the target closed the whole connection with its FIN (drops or ignores data in
 * FIN_WAIT), or stopped indicating; look at the peer's data packets after the FIN.
 */
final class Dsc9ReceiveHalfOpenAfterFin extends MonitorBase {
  private Map<String, HalfOpen> open = Collections.emptyMap();

  /** One connection after the target's FIN: where the peer's data stood then, and what came after. */
  private static final class HalfOpen {
    final long deliveredAtFin;
    /** {@link SeqNum#NONE} when unknown. */
    final long peerEndAtFin;
    boolean closed;
    Event.Packet lastData;
    long dataEnd = SeqNum.NONE;

    HalfOpen(long deliveredAtFin, long peerEndAtFin) {
      this.deliveredAtFin = deliveredAtFin;
      this.peerEndAtFin = peerEndAtFin;
    }
  }

  Dsc9ReceiveHalfOpenAfterFin(MonitorContext context) {
    super("DSC-9", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Packet p && p.connection() != null) {
      onPacket(p);
    } else if (event instanceof Event.Call c && c.api() == Api.TERMINATE_OFFLOAD) {
      for (BlockView b : c.tree()) {
        close(b.name());
      }
    } else if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT
        && c.flags() == DisconnectFlags.ABORTIVE_CLOSE) {
      close(c.connection());
    }
  }

  private void close(String name) {
    HalfOpen h = open.get(name);
    if (h != null) {
      h.closed = true;
    }
  }

  private void onPacket(Event.Packet p) {
    TcpSegment s = p.segment();
    TrackedConnection conn = tracker().connection(p.connection());
    if (tracker().isTargetPacket(p) && s.has(TcpFlag.FIN) && !open.containsKey(conn.name)) {
      long peerEnd = SeqNum.known(conn.highestPeerSeqEnd) ? conn.highestPeerSeqEnd : conn.rcvNxtAtInitiate;
      open = LazyCollections.putOrdered(open, conn.name, new HalfOpen(conn.delivered, peerEnd));
      return;
    }
    HalfOpen h = open.get(conn.name);
    if (h == null || h.closed || p.direction() != Direction.TO_TARGET) {
      return;
    }
    if (s.payloadLength() > 0) {
      exercise();
      h.lastData = p;
      h.dataEnd = SeqNum.highest(h.dataEnd, SeqNum.add(s.seq(), s.payloadLength()));
    }
    if (s.has(TcpFlag.FIN) || s.has(TcpFlag.RST)) {
      h.closed = true;
    }
  }

  @Override
  public void finish() {
    open.forEach((name, h) -> {
      if (!SeqNum.known(h.dataEnd)) {
        return;
      }
      TrackedConnection conn = tracker().connection(name);
      if (!SeqNum.known(conn.highestTargetAck) || SeqNum.lt(conn.highestTargetAck, h.dataEnd)) {
        violation(name + ": peer data after the target's FIN acknowledged up to " + h.dataEnd,
            "the target's highest ACK is " + Seq.text(conn.highestTargetAck), h.lastData);
      }
      if (SeqNum.known(h.peerEndAtFin) && SeqNum.lt(h.peerEndAtFin, h.dataEnd)) {
        long received = SeqNum.distance(h.peerEndAtFin, h.dataEnd);
        long delivered = conn.delivered - h.deliveredAtFin;
        if (delivered < received) {
          violation(name + ": the " + received + " bytes the peer sent after the target's FIN handed to the host",
              delivered + " bytes handed to the host", h.lastData);
        }
      }
    });
  }
}
