package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TOC-10: segments arriving for a connection while its termination is in progress are not
 * processed by the target: they reach the host through the ordinary receive path, and the target
 * does not acknowledge them.
 *
 * <p>Exercised by a peer segment arriving between MiniportTerminateOffload and its completion.
 * Broken by:
 * <ul>
 *   <li>an ACK from the target, while terminating, beyond what it had received before the terminate
 *       was called (the later of its last ACK and the peer's highest sequence end then): owed
 *       delayed ACKs are allowed, acknowledging the new segments is not;
 *   <li>a segment never indicated through NdisMIndicateReceiveNetBufferLists by the end of the
 *       scenario (each indication naming the connection accounts for one segment, in order).
 * </ul>
 *
 * <p>When it fails: the target kept processing the connection's segments after the terminate
 * began; it must pass them up unprocessed until the upload completes.
 */
final class Toc10SegmentsDuringTerminateGoToHost extends MonitorBase {
  private final Map<String, Long> ackLimit = new HashMap<>();
  private final Map<String, Deque<Event.Packet>> notIndicated = new LinkedHashMap<>();

  Toc10SegmentsDuringTerminateGoToHost(MonitorContext context) {
    super("TOC-10", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TERMINATE_OFFLOAD) {
      for (BlockView b : c.tree()) {
        TrackedConnection conn = tracker().connection(b.name());
        if (b.type() == OffloadStateType.TCP && conn != null) {
          long limit = conn.highestTargetAck;
          if (SeqNum.known(conn.peerSeqEndAtTerminate)) {
            limit = SeqNum.highest(limit, conn.peerSeqEndAtTerminate);
          }
          if (SeqNum.known(limit)) {
            ackLimit.put(b.name(), limit);
          }
        }
      }
    } else if (event instanceof Event.Packet p) {
      onPacket(p);
    } else if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_RECEIVE_NET_BUFFER_LISTS) {
      Deque<Event.Packet> owed = u.connection() != null ? notIndicated.get(u.connection())
          : notIndicated.values().stream().filter(d -> !d.isEmpty()).findFirst().orElse(null);
      if (owed != null) {
        owed.pollFirst();
      }
    }
  }

  private void onPacket(Event.Packet p) {
    TrackedConnection conn = tracker().connection(p.connection());
    if (conn == null || conn.phase != Phase.TERMINATING) {
      return;
    }
    if (p.direction() == Direction.TO_TARGET) {
      exercise();
      notIndicated.computeIfAbsent(conn.name, k -> new ArrayDeque<>()).addLast(p);
    } else if (tracker().isTargetPacket(p) && p.segment().has(TcpFlag.ACK)) {
      Long limit = ackLimit.get(conn.name);
      if (limit != null && SeqNum.lt(limit, p.segment().ack())) {
        violation(conn.name + ": no acknowledgment of segments arriving during the terminate (ACK at most " + limit + ")",
            "ACK " + p.segment().ack(), p);
      }
    }
  }

  @Override
  public void finish() {
    notIndicated.forEach((name, owed) -> owed.forEach(p -> violation(
        name + ": each segment arriving during the terminate indicated through NdisMIndicateReceiveNetBufferLists",
        "never indicated: " + p.segment(), p)));
  }
}
