package dev.chimney.peer;

import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks the peer makes on every segment from the target, against what the peer itself sent,
 * advertised and acknowledged. Each finding is "field: expected X, actual Y" with why X was
 * expected. The checks are lenient wherever TCP allows a choice, so that a correct target is never
 * blamed: a one-byte window probe, a keep-alive and a reset at the right edge all pass.
 */
final class SanityChecks {
  /**
   * What the peer knew when the segment arrived.
   *
   * @param handshakeDone the handshake is complete, or this very segment completes it
   * @param irs the target's initial sequence number
   * @param sndMax one past the highest sequence number the peer has sent
   * @param acknowledged the highest acknowledgment the target can have seen: the highest the peer
   *     sent at least {@link PeerDefaults#ACK_CROSSING_TOLERANCE_NANOS} before the target sent this segment
   * @param rcvNxt the next byte the peer expects
   * @param rightEdge the furthest right edge of the window the peer has advertised
   */
  record Known(boolean handshakeDone, long irs, long sndMax, long acknowledged, long rcvNxt, long rightEdge) {}

  private long targetFin = -1;

  /** The findings on {@code segment}, in a fixed order; empty for a valid segment. */
  List<String> check(TcpSegment segment, Known known) {
    List<String> findings = new ArrayList<>();
    if (segment.has(TcpFlag.ACK) && SeqNum.gt(segment.ack(), known.sndMax)) {
      findings.add("ack: expected <= " + known.sndMax + " (the peer's snd.max), actual " + segment.ack());
    }
    if (segment.has(TcpFlag.RST)) {
      if (!resetAcceptable(segment, known)) {
        findings.add("RST seq: expected in [" + known.rcvNxt + ", " + known.rightEdge
            + "] (the peer's receive window), actual " + segment.seq());
      }
      return findings;
    }
    if (segment.has(TcpFlag.SYN)) {
      checkSyn(segment, known, findings);
      return findings;
    }
    checkWindow(segment, known, findings);
    checkBackwards(segment, known, findings);
    checkFin(segment, known, findings);
    return findings;
  }

  /**
   * Whether a reset from the target falls in the peer's window (RFC 9293, section 3.10.7.4), the
   * right edge included, so that a target that filled the window can still reset.
   */
  static boolean resetAcceptable(TcpSegment segment, Known known) {
    return SeqNum.le(known.rcvNxt, segment.seq()) && SeqNum.le(segment.seq(), SeqNum.max(known.rightEdge, known.rcvNxt));
  }

  private static void checkSyn(TcpSegment segment, Known known, List<String> findings) {
    if (known.handshakeDone) {
      findings.add("flags: expected no SYN once the connection is established, actual "
          + TcpFlag.describe(segment.flags()) + " seq " + segment.seq());
    } else if (segment.seq() != known.irs) {
      findings.add("SYN seq: expected " + known.irs + " (a retransmission of the target's SYN), actual " + segment.seq());
    }
  }

  private static void checkWindow(TcpSegment segment, Known known, List<String> findings) {
    if (segment.payloadLength() == 0) {
      return;
    }
    long end = SeqNum.add(segment.seq(), segment.payloadLength());
    boolean windowProbe = segment.payloadLength() == 1 && segment.seq() == known.rightEdge;
    if (SeqNum.gt(end, known.rightEdge) && !windowProbe) {
      findings.add("data end: expected <= " + known.rightEdge
          + " (right edge of the window the peer advertised), actual " + end);
    }
  }

  /**
   * Data the peer has acknowledged is never sent again; a segment that still carries unacknowledged
   * data, or a keep-alive one byte before the acknowledgment, is not going backwards.
   */
  private static void checkBackwards(TcpSegment segment, Known known, List<String> findings) {
    boolean keepAlive = segment.seqLength() <= 1 && segment.seq() == SeqNum.add(known.acknowledged, -1);
    boolean backwards = segment.seqLength() == 0
        ? SeqNum.lt(segment.seq(), known.acknowledged)
        : SeqNum.le(segment.seqEnd(), known.acknowledged);
    if (backwards && !keepAlive) {
      findings.add("seq: expected >= " + known.acknowledged
          + " (everything before it is acknowledged by the peer), actual " + segment.seq());
    }
  }

  private void checkFin(TcpSegment segment, Known known, List<String> findings) {
    long dataEnd = SeqNum.add(segment.seq(), segment.payloadLength());
    if (targetFin >= 0 && segment.payloadLength() > 0 && SeqNum.gt(dataEnd, targetFin)) {
      findings.add("data end: expected <= " + targetFin + " (the target's FIN), actual " + dataEnd);
    }
    if (!segment.has(TcpFlag.FIN)) {
      return;
    }
    if (!known.handshakeDone) {
      findings.add("flags: expected no FIN before the handshake completes, actual "
          + TcpFlag.describe(segment.flags()));
    }
    if (targetFin < 0) {
      targetFin = dataEnd;
    } else if (dataEnd != targetFin) {
      findings.add("FIN seq: expected " + targetFin + " (the target's earlier FIN), actual " + dataEnd);
    }
  }
}
