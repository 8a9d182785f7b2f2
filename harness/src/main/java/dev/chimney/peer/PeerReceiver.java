package dev.chimney.peer;

import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.util.LinkedList;

/**
 * The receiving half of a {@link PeerConnection}: takes the target's in-order data and FIN, decides
 * what the peer may acknowledge under its {@link AckPolicy}, and remembers what it has advertised.
 * The peer's application reads at once, so the advertised window never fills up.
 */
final class PeerReceiver {
  /** What taking a segment did. */
  enum Taken {
    /** No data and no FIN: a pure ACK. */
    NOTHING,
    /** New in-order data or the FIN. */
    NEW,
    /** Only bytes taken before: a retransmission. */
    OLD,
    /** Starts after a gap: not taken. */
    OUT_OF_ORDER
  }

  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private long irs;
  private long rcvNxt;
  private boolean finReceived;
  private AckPolicy policy = AckPolicy.ALL;
  private int receiveWindow = PeerDefaults.DEFAULT_RECEIVE_WINDOW;
  private int windowShift;
  private long lastAckSent;
  /** (time, ack) each time the acknowledgment moved forward, oldest first. */
  private final LinkedList<long[]> ackHistory = new LinkedList<>();
  private long rightEdge;

  /** The target's SYN arrived: its ISN, and the shift the peer's window is scaled by from now on. */
  void synchronize(long targetIsn, int peerWindowShift) {
    irs = targetIsn;
    rcvNxt = SeqNum.add(targetIsn, 1);
    lastAckSent = rcvNxt;
    rightEdge = rcvNxt;
    windowShift = peerWindowShift;
  }

  /** Takes what {@code segment} adds to the in-order stream, never past the advertised window. */
  Taken take(TcpSegment segment) {
    int length = segment.payloadLength();
    boolean fin = segment.has(TcpFlag.FIN);
    if (length == 0 && !fin) {
      return Taken.NOTHING;
    }
    if (SeqNum.gt(segment.seq(), rcvNxt)) {
      return Taken.OUT_OF_ORDER;
    }
    if (finReceived) {
      return Taken.OLD;
    }
    int skip = SeqNum.diff(rcvNxt, segment.seq());
    int end = Math.min(length, Math.max(skip, SeqNum.diff(rightEdge, segment.seq())));
    boolean takesFin = fin && end == length;
    if (skip >= end && !(takesFin && skip <= length)) {
      return Taken.OLD;
    }
    if (end > skip) {
      received.write(segment.payload(), skip, end - skip);
      rcvNxt = SeqNum.add(rcvNxt, end - skip);
    }
    if (takesFin) {
      finReceived = true;
      rcvNxt = SeqNum.add(rcvNxt, 1);
    }
    return Taken.NEW;
  }

  /** The acknowledgment number the policy allows now. */
  long ackable() {
    return SeqNum.add(SeqNum.add(irs, 1), policy.ackable(taken()));
  }

  /** Whether the policy withholds acknowledgments now (so no duplicate ACKs either). */
  boolean withholding() {
    return policy.reached(taken());
  }

  /** Whether an ACK now would acknowledge something the target has not seen acknowledged. */
  boolean ackAdvances() {
    return SeqNum.gt(ackable(), lastAckSent);
  }

  /** The window field of a segment: scaled, or raw in a SYN-ACK (RFC 7323: SYNs are never scaled). */
  int windowField(boolean syn) {
    long field = syn ? receiveWindow : (long) receiveWindow >> windowShift;
    return (int) Math.min(field, 0xFFFF);
  }

  /** A segment carrying {@code ack} and window field {@code window} went on the wire at {@code timeNanos}. */
  void advertised(long ack, int window, boolean syn, long timeNanos) {
    if (SeqNum.gt(ack, lastAckSent) || ackHistory.isEmpty()) {
      ackHistory.addLast(new long[] {timeNanos, ack});
    }
    lastAckSent = SeqNum.max(lastAckSent, ack);
    long scaled = syn ? window : (long) window << windowShift;
    rightEdge = SeqNum.max(rightEdge, SeqNum.add(ack, scaled));
  }

  /** Bytes of the target's sequence space taken after its SYN: data, plus one for a FIN. */
  private long taken() {
    return SeqNum.diff(rcvNxt, SeqNum.add(irs, 1));
  }

  long irs() {
    return irs;
  }

  long rcvNxt() {
    return rcvNxt;
  }

  /**
   * The highest acknowledgment the peer had sent by {@code timeNanos}: what the target can have
   * seen by then. Entries older than the newest one at or before that time are dropped.
   */
  long ackSentBy(long timeNanos) {
    while (ackHistory.size() > 1 && ackHistory.get(1)[0] <= timeNanos) {
      ackHistory.removeFirst();
    }
    long[] first = ackHistory.peekFirst();
    return first == null || first[0] > timeNanos ? SeqNum.add(irs, 1) : first[1];
  }

  /** The furthest right edge of the window the peer has advertised (it never moves left). */
  long rightEdge() {
    return rightEdge;
  }

  boolean finReceived() {
    return finReceived;
  }

  byte[] received() {
    return received.toByteArray();
  }

  int receivedLength() {
    return received.size();
  }

  void setPolicy(AckPolicy policy) {
    this.policy = policy;
  }

  void setReceiveWindow(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("receive window must be >= 0, was " + bytes);
    }
    receiveWindow = bytes;
  }
}
