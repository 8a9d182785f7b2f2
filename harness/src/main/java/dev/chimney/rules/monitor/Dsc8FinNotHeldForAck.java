package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import java.util.Collections;
import java.util.Map;

/**
 * DSC-8: the target does not wait for the acknowledgment of sent data before sending the FIN.
 *
 * <p>Exercised by a graceful disconnect requested while the peer had not acknowledged all the data
 * (including the disconnect's own). Broken when the peer's ACK of the last data byte arrives before
 * the target has sent its FIN: a target that sends the FIN with, or right after, its last data
 * segment always beats the peer's ACK of that data, so an ACK first means the FIN waited for it.
 * Scenarios make it visible by having the peer withhold its ACKs for a while.
 *
 * <p>When it fails: the target queues the FIN until the send queue is acknowledged; it must send it
 * as soon as the data is sent.
 */
final class Dsc8FinNotHeldForAck extends MonitorBase {
  private Map<String, Long> dataEnd = Collections.emptyMap();
  private Map<String, Event.Call> request = Collections.emptyMap();

  Dsc8FinNotHeldForAck(MonitorContext context) {
    super("DSC-8", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT
        && c.flags() == DisconnectFlags.GRACEFUL_CLOSE) {
      TrackedConnection conn = tracker().connection(c.connection());
      if (conn != null && SeqNum.known(conn.gracefulFinSeq)
          && (!SeqNum.known(conn.highestPeerAck) || SeqNum.lt(conn.highestPeerAck, conn.gracefulFinSeq))) {
        exercise();
        dataEnd = LazyCollections.put(dataEnd, conn.name, conn.gracefulFinSeq);
        request = LazyCollections.put(request, conn.name, c);
      }
    } else if (event instanceof Event.Packet p && dataEnd.containsKey(p.connection())) {
      if (tracker().isTargetPacket(p) && p.segment().has(TcpFlag.FIN)) {
        dataEnd.remove(p.connection());
      } else if (p.direction() == Direction.TO_TARGET && p.segment().has(TcpFlag.ACK)
          && SeqNum.le(dataEnd.get(p.connection()), p.segment().ack())) {
        violation("the FIN sent without waiting for the peer's ACK of the data (graceful disconnect event #"
            + request.get(p.connection()).seq() + ")",
            "the peer acknowledged all data up to " + p.segment().ack() + " before any FIN", p);
        dataEnd.remove(p.connection());
      }
    }
  }
}
