package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import java.util.Collections;
import java.util.Map;

/**
 * DSC-5: on an abortive disconnect the target stops processing received segments at once and
 * acknowledges none of them, indicated-but-unconsumed data included.
 *
 * <p>Exercised by an abortive disconnect on a connection with peer data the target had not
 * acknowledged at the request, or that receives peer data after it. Broken by any segment of the
 * target's own after the request (the RST included) whose ACK goes beyond the highest ACK it had
 * sent before the request (or the delegated RcvNxt, when it had sent none).
 *
 * <p>Decision: the "does not wait for outstanding indications before the RST" half shows only in
 * timing and is not judged; DSC-2 judges that the RST comes at all.
 *
 * <p>When it fails: the target let a delayed ACK timer run, or acknowledged data that arrived after
 * the abort; an RST|ACK must carry the old ACK.
 */
final class Dsc5NoAckAfterAbortiveClose extends MonitorBase {
  private Map<String, Long> ackLimit = Collections.emptyMap();
  private Map<String, Event.Call> request = Collections.emptyMap();

  Dsc5NoAckAfterAbortiveClose(MonitorContext context) {
    super("DSC-5", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD) {
      for (BlockView b : c.tree()) {
        ackLimit.remove(b.name());
        request.remove(b.name());
      }
    } else if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT
        && c.flags() == DisconnectFlags.ABORTIVE_CLOSE) {
      onAbortive(c);
    } else if (event instanceof Event.Packet p && ackLimit.containsKey(p.connection())) {
      long limit = ackLimit.get(p.connection());
      if (p.direction() == Direction.TO_TARGET && SeqNum.lt(limit, p.segment().seqEnd())) {
        exercise();
      } else if (tracker().isTargetPacket(p) && p.segment().has(TcpFlag.ACK) && SeqNum.lt(limit, p.segment().ack())) {
        violation("no acknowledgment beyond " + limit + " after the abortive disconnect (event #"
            + request.get(p.connection()).seq() + ")", "ACK " + p.segment().ack(), p);
      }
    }
  }

  private void onAbortive(Event.Call c) {
    TrackedConnection conn = tracker().connection(c.connection());
    if (conn == null) {
      return;
    }
    long limit = SeqNum.known(conn.targetAckThisOffload) ? conn.targetAckThisOffload : conn.rcvNxtAtInitiate;
    if (!SeqNum.known(limit)) {
      return;
    }
    ackLimit = LazyCollections.put(ackLimit, conn.name, limit);
    request = LazyCollections.put(request, conn.name, c);
    if (SeqNum.known(conn.highestPeerSeqEnd) && SeqNum.lt(limit, conn.highestPeerSeqEnd)) {
      exercise();
    }
  }
}
