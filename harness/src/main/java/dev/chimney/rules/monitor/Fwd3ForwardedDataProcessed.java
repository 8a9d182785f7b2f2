package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FWD-3: a forwarded segment is processed as if it had come off the wire: in-window data is
 * acknowledged on the wire and reaches the host.
 *
 * <p>Exercised by a forward carrying data. The target's ACK must move past the ACK it had sent
 * before the forward (else the delegated RcvNxt) by at least the forwarded data bytes, and must do so
 * before the peer sends any of those bytes again on the wire: a target that ignored the forward
 * would otherwise pass once the peer's retransmission brought the data in the ordinary way. When
 * the scenario ends, at least as many bytes must have reached the host since the forward.
 *
 * <p>Decisions: the log keeps forwarded lists without their bytes, so a list's data is its length
 * less a 20-byte TCP header (see {@link ForwardedSegments}). A forwarded segment the target already
 * took off the wire and acknowledged is not new data and owes nothing: a list whose data length is
 * that of a peer data segment seen on the wire and covered by the target's ACK at the forward is
 * taken for that segment again (each wire segment matches one list at most). This errs towards
 * leniency: new data of the same length as an acknowledged wire segment goes unjudged.
 *
 * <p>When it fails: the target completed the forward without feeding the segments to its receive
 * path (or only acknowledged them without indicating the data).
 */
final class Fwd3ForwardedDataProcessed extends MonitorBase {
  private final List<Obligation> obligations = new ArrayList<>();
  /** Per connection, the peer's data segments seen on the wire and not yet matched by a forwarded list. */
  private final Map<String, List<TcpSegment>> wireData = new HashMap<>();

  /** One forward with data: where the connection stood before it, and whether its ACK was judged. */
  private static final class Obligation {
    final Event.Call call;
    final String connection;
    final long bytes;
    /** {@link SeqNum#NONE} when unknown. */
    final long ackBefore;
    final long deliveredBefore;
    boolean ackJudged;

    Obligation(Event.Call call, String connection, long bytes, long ackBefore, long deliveredBefore) {
      this.call = call;
      this.connection = connection;
      this.bytes = bytes;
      this.ackBefore = ackBefore;
      this.deliveredBefore = deliveredBefore;
    }

    /** One past the last forwarded byte. */
    long end() {
      return SeqNum.add(ackBefore, bytes);
    }
  }

  Fwd3ForwardedDataProcessed(MonitorContext context) {
    super("FWD-3", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Packet p && p.direction() == Direction.TO_TARGET && p.connection() != null
        && p.segment().payloadLength() > 0) {
      judgeResentData(p);
      wireData.computeIfAbsent(p.connection(), k -> new ArrayList<>()).add(p.segment());
      return;
    }
    if (!(event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_FORWARD)) {
      return;
    }
    TrackedConnection conn = tracker().connection(c.connection());
    if (conn == null) {
      return;
    }
    long ackBefore = SeqNum.known(conn.targetAckThisOffload) ? conn.targetAckThisOffload : conn.rcvNxtAtInitiate;
    long bytes = 0;
    for (NblView n : c.nbls()) {
      long data = ForwardedSegments.payload(List.of(n));
      if (data > 0 && !matchesAcknowledgedWireSegment(conn.name, data, ackBefore)) {
        bytes += data;
      }
    }
    if (bytes == 0) {
      return;
    }
    exercise();
    obligations.add(new Obligation(c, conn.name, bytes, ackBefore, conn.delivered));
  }

  /**
   * The peer sends data again that a forward already carried: by now the target must have
   * acknowledged the forwarded bytes, or it did not process them.
   */
  private void judgeResentData(Event.Packet p) {
    TrackedConnection conn = tracker().connection(p.connection());
    for (Obligation o : obligations) {
      if (o.ackJudged || !SeqNum.known(o.ackBefore) || !o.connection.equals(p.connection())
          || !SeqNum.lt(p.segment().seq(), o.end())) {
        continue;
      }
      o.ackJudged = true;
      if (!SeqNum.known(conn.highestTargetAck) || SeqNum.lt(conn.highestTargetAck, o.end())) {
        violation(o.connection + ": the " + o.bytes + " forwarded data bytes acknowledged on the wire (ACK "
            + o.end() + ") before the peer had to send them again", "highest ACK " + Seq.text(conn.highestTargetAck)
            + " when packet " + p.packetNumber() + " resent seq " + p.segment().seq(), o.call);
      }
    }
  }

  /** Takes the first wire segment of {@code data} bytes the target acknowledged by {@code ack}, if any. */
  private boolean matchesAcknowledgedWireSegment(String connection, long data, long ack) {
    List<TcpSegment> seen = wireData.getOrDefault(connection, List.of());
    for (int i = 0; i < seen.size(); i++) {
      TcpSegment s = seen.get(i);
      if (s.payloadLength() == data && SeqNum.known(ack) && SeqNum.le(SeqNum.add(s.seq(), s.payloadLength()), ack)) {
        seen.remove(i);
        return true;
      }
    }
    return false;
  }

  @Override
  public void finish() {
    for (Obligation o : obligations) {
      TrackedConnection conn = tracker().connection(o.connection);
      if (SeqNum.known(o.ackBefore) && !o.ackJudged) {
        long moved = SeqNum.known(conn.highestTargetAck) ? SeqNum.distance(o.ackBefore, conn.highestTargetAck) : 0;
        if (!SeqNum.known(conn.highestTargetAck) || SeqNum.lt(conn.highestTargetAck, o.ackBefore) || moved < o.bytes) {
          violation(o.connection + ": the " + o.bytes + " forwarded data bytes acknowledged on the wire (ACK past "
              + SeqNum.add(o.ackBefore, o.bytes - 1) + ")", "highest ACK " + Seq.text(conn.highestTargetAck), o.call);
        }
      }
      long delivered = conn.delivered - o.deliveredBefore;
      if (delivered < o.bytes) {
        violation(o.connection + ": the " + o.bytes + " forwarded data bytes handed to the host",
            delivered + " bytes handed to the host", o.call);
      }
    }
  }
}
