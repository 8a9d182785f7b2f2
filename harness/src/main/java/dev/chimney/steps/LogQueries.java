package dev.chimney.steps;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What steps read back from a scenario's event log: calls, completions and packets by connection. */
final class LogQueries {
  private final List<Event> events;

  LogQueries(List<Event> events) {
    this.events = events;
  }

  /** Calls of {@code api} on {@code connection}, in order; {@code connection} null for any. */
  List<Event.Call> calls(Api api, String connection) {
    List<Event.Call> out = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof Event.Call c && c.api() == api
          && (connection == null || connection.equals(c.connection()))) {
        out.add(c);
      }
    }
    return out;
  }

  /** Upcalls of {@code api}, in order; {@code connection} null for any. */
  List<Event.Upcall> upcalls(Api api, String connection) {
    List<Event.Upcall> out = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof Event.Upcall u && u.api() == api
          && (connection == null || connection.equals(u.connection()))) {
        out.add(u);
      }
    }
    return out;
  }

  /** The ids of the lists handed to the target by calls of {@code api} on {@code connection}, in delivery order. */
  List<Long> delivered(Api api, String connection) {
    List<Long> ids = new ArrayList<>();
    for (Event.Call c : calls(api, connection)) {
      c.nbls().forEach(n -> ids.add(n.id()));
    }
    return ids;
  }

  /** Every send completion of {@code connection}'s sends, in completion order. */
  List<Completion> sendCompletions(String connection) {
    return completions(Api.TCP_OFFLOAD_SEND_COMPLETE, delivered(Api.TCP_OFFLOAD_SEND, connection));
  }

  /** Every completion of {@code api} for lists among {@code ids}: list id and view, in completion order (repeats kept). */
  List<Completion> completions(Api api, List<Long> ids) {
    List<Completion> out = new ArrayList<>();
    for (Event.Upcall u : upcalls(api, null)) {
      for (NblView v : u.nbls()) {
        if (ids.contains(v.id())) {
          out.add(new Completion(u.seq(), v));
        }
      }
    }
    return out;
  }

  /** Packets of {@code connection} in {@code direction}, in capture order. */
  List<Event.Packet> packets(String connection, Direction direction) {
    List<Event.Packet> out = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof Event.Packet p && p.direction() == direction && connection.equals(p.connection())) {
        out.add(p);
      }
    }
    return out;
  }

  /** Events between two sequence numbers, exclusive. */
  List<Event> between(long fromSeq, long toSeq) {
    return events.stream().filter(e -> e.seq() > fromSeq && e.seq() < toSeq).toList();
  }

  /** The target's RST packets on {@code connection}. */
  List<Event.Packet> rstsFromTarget(String connection) {
    return packets(connection, Direction.TO_PEER).stream().filter(p -> p.segment().has(TcpFlag.RST)).toList();
  }

  /** Count of each list id among {@code completions}. */
  static Map<Long, Integer> timesCompleted(List<Completion> completions) {
    Map<Long, Integer> n = new LinkedHashMap<>();
    completions.forEach(c -> n.merge(c.view().id(), 1, Integer::sum));
    return n;
  }

  /** Highest acknowledgment number in {@code packets} with ACK set, as an offset from {@code base} (mod 2^32). */
  static long highestAck(List<Event.Packet> packets, long base) {
    long best = -1;
    for (Event.Packet p : packets) {
      TcpSegment s = p.segment();
      if (s.has(TcpFlag.ACK)) {
        best = Math.max(best, SeqNum.distance(base, s.ack()));
      }
    }
    return best;
  }

  /** One list's completion. */
  record Completion(long eventSeq, NblView view) {}
}
