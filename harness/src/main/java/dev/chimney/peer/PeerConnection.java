package dev.chimney.peer;

import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection of the {@link ScriptedPeer}, seen from the peer: a minimal real TCP that takes the
 * target's in-order data, acknowledges it under an {@link AckPolicy}, sends the scenario's data
 * within the target's window and retransmits it until acknowledged. Scenario steps drive it; the
 * peer answers segments as they arrive.
 *
 * <p>Not thread-safe: call it on the host thread, the one running the virtual clock. Sequence
 * numbers are unsigned 32-bit values; before the target's SYN arrives {@link #remote()} is null
 * and {@link #irs()} is 0.
 */
public final class PeerConnection {
  private enum State { LISTEN, SYN_RECEIVED, ESTABLISHED, CLOSED }

  private final ScriptedPeer peer;
  private final Endpoint local;
  private final long iss;
  private final PeerReceiver receiver = new PeerReceiver();
  private final SanityChecks checks = new SanityChecks();
  private final Impairments impairments = new Impairments();
  private final SendBuffer sendBuffer = new SendBuffer();
  private final RetransmissionTimer timer;
  private final List<TcpSegment> fromTarget = new ArrayList<>();
  private final Consumer<TcpSegment> ownSegments = this::onWire;
  private Endpoint remote;
  private State state = State.LISTEN;
  private long sndUna;
  private long sndNxt;
  private long sndMax;
  private long bufferStart;
  private boolean finQueued;
  private boolean finSent;
  private boolean rstReceived;
  private boolean windowScaling;
  private int targetMss = PeerDefaults.DEFAULT_TARGET_MSS;
  private int targetShift;
  private long targetWindow;
  private int dropsPending;

  PeerConnection(ScriptedPeer peer, Endpoint local, long iss) {
    this.peer = peer;
    this.local = local;
    this.iss = iss;
    this.sndUna = iss;
    this.sndNxt = iss;
    this.sndMax = iss;
    this.bufferStart = SeqNum.add(iss, 1);
    this.timer = new RetransmissionTimer(peer.clock(), this::retransmit);
  }

  /** The peer's end. */
  public Endpoint local() {
    return local;
  }

  /** The target's end; null until the target's SYN arrives. */
  public Endpoint remote() {
    return remote;
  }

  /** Whether the handshake completed and neither side has reset the connection. */
  public boolean established() {
    return state == State.ESTABLISHED;
  }

  /** The peer's initial sequence number. */
  public long iss() {
    return iss;
  }

  /** The target's initial sequence number; 0 before its SYN. */
  public long irs() {
    return receiver.irs();
  }

  /** Next sequence number the peer sends. */
  public long sndNxt() {
    return sndNxt;
  }

  /** Oldest sequence number the target has not acknowledged. */
  public long sndUna() {
    return sndUna;
  }

  /** Next byte the peer expects from the target (it has taken everything before it). */
  public long rcvNxt() {
    return receiver.rcvNxt();
  }

  /** One past the highest sequence number the peer has sent. */
  public long sndMax() {
    return sndMax;
  }

  /** A copy of the in-order bytes taken from the target, acknowledged or not. */
  public byte[] received() {
    return receiver.received();
  }

  /** How many in-order bytes the peer has taken from the target. */
  public int receivedLength() {
    return receiver.receivedLength();
  }

  /** Whether the peer has taken the target's FIN (in order, after all its data). */
  public boolean finReceived() {
    return receiver.finReceived();
  }

  /** Whether the target reset the connection with an acceptable RST. */
  public boolean rstReceived() {
    return rstReceived;
  }

  /** Every segment from the target on this connection, in arrival order, lost ones included. */
  public List<TcpSegment> segmentsFromTarget() {
    return List.copyOf(fromTarget);
  }

  /**
   * Queues {@code data} to the target: segmented at the target's MSS, sent within the window it
   * advertises (the rest when the window opens), each segment with ACK, retransmitted until
   * acknowledged. Before the handshake completes the data waits for it; after a reset it is dropped.
   *
   * @throws IllegalStateException after {@link #sendFin()}
   */
  public void send(byte[] data) {
    if (finQueued) {
      throw new IllegalStateException("send after sendFin on " + this);
    }
    if (state == State.CLOSED) {
      return;
    }
    sendBuffer.append(data);
    pushData();
  }

  /**
   * Sends one segment exactly as given, outside the connection's state (nothing is retransmitted or
   * counted in {@link #sndNxt()}): for malformed, out-of-window and stray cases. The window field is
   * the peer's current one; duplicate and reorder requests apply to it.
   *
   * @param flags the flags byte, see {@link TcpFlag#mask}
   * @throws IllegalStateException before the target's SYN, when there is nobody to send to
   */
  public void sendSegment(long seq, long ack, int flags, byte[] data) {
    requireRemote();
    boolean syn = (flags & TcpFlag.SYN.bit()) != 0;
    TcpSegment segment = new TcpSegment(
        local, remote, seq, ack, flags, receiver.windowField(syn), TcpOptions.NONE, data);
    impairments.submit(segment, peer::transmit);
  }

  /**
   * Sends one segment of a recorded conversation (replay): as given, like {@link #sendSegment}, but
   * it counts as sent, so that the sanity checks accept the target's acknowledgment of it, and the
   * acknowledgment it carries counts as advertised. Nothing is retransmitted: the recording's own
   * retransmissions are replayed as they come. Use with {@link AckPolicy#NONE}, so that the
   * acknowledgments on the wire are the recording's.
   *
   * @param flags the flags byte, see {@link TcpFlag#mask}
   * @throws IllegalStateException before the target's SYN
   */
  public void sendRecorded(long seq, long ack, int flags, byte[] data) {
    requireRemote();
    TcpSegment segment = new TcpSegment(local, remote, seq, ack, flags, receiver.windowField(false), TcpOptions.NONE,
        data);
    long end = SeqNum.add(seq, segment.seqLength());
    if (SeqNum.gt(end, sndMax)) {
      // Sent and done with: nothing in flight, so the retransmission timer stays off.
      sndUna = end;
      sndNxt = end;
      sndMax = end;
      bufferStart = end;
    }
    impairments.submit(segment, ownSegments);
  }

  /**
   * Sends {@code data} by another route: the segments, of {@code segmentSize} bytes each, are
   * returned instead of going on the wire, as when they reach the target's host through another
   * interface and the host forwards them. They count in the connection's stream like {@link #send}
   * (the peer expects them acknowledged, and retransmits them on the wire if they are not).
   *
   * @throws IllegalStateException with queued data not yet sent, after {@link #sendFin()}, or before
   *     the connection is established
   */
  public List<TcpSegment> sendElsewhere(byte[] data, int segmentSize) {
    if (state != State.ESTABLISHED || finQueued) {
      throw new IllegalStateException("sendElsewhere needs an established connection without FIN on " + this);
    }
    if (SeqNum.diff(sndNxt, bufferStart) != sendBuffer.length()) {
      throw new IllegalStateException("sendElsewhere with data still queued on " + this);
    }
    sendBuffer.append(data);
    List<TcpSegment> out = new ArrayList<>();
    for (int sent = 0; sent < data.length; sent += segmentSize) {
      int n = Math.min(segmentSize, data.length - sent);
      int offset = SeqNum.diff(sndNxt, bufferStart);
      out.add(new TcpSegment(local, remote, sndNxt, receiver.ackable(), TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH),
          receiver.windowField(false), TcpOptions.NONE, sendBuffer.slice(offset, n)));
      advance(n);
    }
    mindTimer();
    return out;
  }

  /** Sends a FIN after all queued data (does nothing after a reset). */
  public void sendFin() {
    if (state == State.CLOSED) {
      return;
    }
    finQueued = true;
    pushData();
  }

  /**
   * Resets the connection: one RST|ACK at {@link #sndNxt()}, then the peer stops sending and takes
   * nothing more (does nothing after a reset).
   *
   * @throws IllegalStateException before the target's SYN
   */
  public void sendRst() {
    requireRemote();
    if (state == State.CLOSED) {
      return;
    }
    emit(sndNxt, TcpFlag.mask(TcpFlag.RST, TcpFlag.ACK), new byte[0], TcpOptions.NONE);
    close();
  }

  /**
   * Sends a pure ACK now, acknowledging what the policy allows and advertising the current window:
   * how a scenario releases withheld acknowledgments after {@link #setAckPolicy}, or announces a
   * window opened by {@link #setReceiveWindow}. Does nothing after a reset.
   *
   * @throws IllegalStateException before the target's SYN
   */
  public void ackNow() {
    requireRemote();
    if (state != State.CLOSED) {
      sendAck();
    }
  }

  /**
   * Which of the target's bytes the peer acknowledges from now on; {@link AckPolicy#ALL} by default.
   * Takes effect with the next segment from the target or the next {@link #ackNow()}.
   */
  public void setAckPolicy(AckPolicy policy) {
    receiver.setPolicy(policy);
  }

  /**
   * The next {@code n} segments from the target that carry data or FIN are lost: not taken, not
   * acknowledged, still listed in {@link #segmentsFromTarget()} and still checked. Replaces any
   * count not yet used up.
   */
  public void dropNextFromTarget(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    dropsPending = n;
  }

  /** The next segment the peer sends goes out twice. */
  public void duplicateNext() {
    impairments.duplicateNext();
  }

  /** The next {@code n} (at least 2) segments the peer sends are held, then go out in reverse order. */
  public void reorderNext(int n) {
    impairments.reorderNext(n);
  }

  /**
   * The window the peer advertises from its next segment on, in bytes (sent scaled by the peer's
   * window scale, rounded down). Shrinking it does not move the right edge already advertised back.
   */
  public void setReceiveWindow(int bytes) {
    receiver.setReceiveWindow(bytes);
  }

  @Override
  public String toString() {
    return "peer connection " + local + " <-> " + (remote == null ? "(listening)" : remote) + " " + state;
  }

  /** Whether a fresh SYN may bind this connection: it is still listening. */
  boolean listening() {
    return state == State.LISTEN;
  }

  /** Whether the connection is over and a new SYN on its addresses starts another. */
  boolean closed() {
    return state == State.CLOSED;
  }

  /** The target's SYN arrived for this listening connection: take its options and answer it. */
  void accept(TcpSegment syn) {
    remote = syn.source();
    state = State.SYN_RECEIVED;
    TcpOptions offered = syn.options();
    windowScaling = offered.windowScale() >= 0;
    targetShift = windowScaling ? Math.min(offered.windowScale(), PeerDefaults.MAX_WINDOW_SCALE) : 0;
    targetMss = offered.mss() > 0 ? offered.mss() : PeerDefaults.DEFAULT_TARGET_MSS;
    targetWindow = syn.window();
    receiver.synchronize(syn.seq(), windowScaling ? PeerDefaults.PEER_WINDOW_SCALE : 0);
  }

  /** A segment from the target on this connection, decoded; on the clock's thread. */
  void onSegment(TcpSegment segment, long sentAtNanos) {
    fromTarget.add(segment);
    if (state == State.CLOSED) {
      return;
    }
    SanityChecks.Known known = known(segment, sentAtNanos);
    for (String finding : checks.check(segment, known)) {
      peer.record(new SanityViolation(peer.clock().nanoTime(), segment, finding));
    }
    if (dropsPending > 0 && (segment.payloadLength() > 0 || segment.has(TcpFlag.FIN))) {
      dropsPending--;
      return;
    }
    if (segment.has(TcpFlag.RST)) {
      if (SanityChecks.resetAcceptable(segment, known)) {
        rstReceived = true;
        close();
      }
      return;
    }
    if (segment.has(TcpFlag.SYN)) {
      if (state == State.SYN_RECEIVED && segment.seq() == receiver.irs()) {
        sendSynAck();
      }
      return;
    }
    if (segment.has(TcpFlag.ACK) && takeAck(segment)) {
      acknowledge(receiver.take(segment));
      pushData();
    }
  }

  private SanityChecks.Known known(TcpSegment segment, long sentAtNanos) {
    boolean completes = segment.has(TcpFlag.ACK) && segment.ack() == SeqNum.add(iss, 1);
    boolean handshakeDone = state == State.ESTABLISHED || (state == State.SYN_RECEIVED && completes);
    long seenByTarget = receiver.ackSentBy(sentAtNanos - PeerDefaults.ACK_CROSSING_TOLERANCE_NANOS);
    return new SanityChecks.Known(handshakeDone, receiver.irs(), sndMax, seenByTarget,
        receiver.rcvNxt(), receiver.rightEdge());
  }

  /** Processes the segment's acknowledgment; false when the connection is not yet established. */
  private boolean takeAck(TcpSegment segment) {
    long ack = segment.ack();
    if (state == State.SYN_RECEIVED) {
      if (ack != SeqNum.add(iss, 1)) {
        return false;
      }
      state = State.ESTABLISHED;
    }
    if (SeqNum.lt(ack, sndUna) || SeqNum.gt(ack, sndMax)) {
      return true;
    }
    targetWindow = (long) segment.window() << targetShift;
    if (SeqNum.gt(ack, sndUna)) {
      int dataAcked = Math.min(Math.max(SeqNum.diff(ack, bufferStart), 0), sendBuffer.length());
      sendBuffer.dropFront(dataAcked);
      bufferStart = SeqNum.add(bufferStart, dataAcked);
      sndUna = ack;
      timer.progress();
    }
    return true;
  }

  private void acknowledge(PeerReceiver.Taken taken) {
    boolean answer = switch (taken) {
      case NOTHING -> false;
      case NEW -> receiver.ackAdvances();
      case OLD, OUT_OF_ORDER -> !receiver.withholding();
    };
    if (answer) {
      sendAck();
    }
  }

  /** Sends queued data and FIN as far as the target's window allows, then minds the timer. */
  private void pushData() {
    if (state != State.ESTABLISHED) {
      return;
    }
    while (!finSent) {
      int offset = SeqNum.diff(sndNxt, bufferStart);
      int unsent = sendBuffer.length() - offset;
      if (unsent == 0 && !finQueued) {
        break;
      }
      long usable = SeqNum.diff(SeqNum.add(sndUna, targetWindow), sndNxt);
      int n = (int) Math.min(Math.min(unsent, targetMss), Math.max(usable, 0));
      if (unsent > 0 && n == 0) {
        break;
      }
      boolean last = n == unsent;
      boolean fin = last && finQueued;
      int flags = TcpFlag.ACK.bit() | (last && n > 0 ? TcpFlag.PSH.bit() : 0) | (fin ? TcpFlag.FIN.bit() : 0);
      emit(sndNxt, flags, sendBuffer.slice(offset, n), TcpOptions.NONE);
      finSent = fin;
      advance(n + (fin ? 1 : 0));
    }
    mindTimer();
  }

  private void advance(int n) {
    sndNxt = SeqNum.add(sndNxt, n);
    sndMax = SeqNum.max(sndMax, sndNxt);
  }

  private void mindTimer() {
    boolean inFlight = sndUna != sndMax;
    if (inFlight || windowClosedOnData()) {
      timer.ensureRunning();
    } else {
      timer.stop();
    }
  }

  /** Whether unsent data waits for a window the target has closed. */
  private boolean windowClosedOnData() {
    return SeqNum.diff(sndNxt, bufferStart) < sendBuffer.length() && targetWindow == 0;
  }

  /**
   * The timer expired: sends again the first unacknowledged segment (SYN-ACK, data or FIN), or,
   * with nothing in flight and a closed window, one byte to probe it (RFC 9293, section 3.8.6.1).
   */
  private void retransmit() {
    if (state == State.CLOSED) {
      return;
    }
    if (state == State.SYN_RECEIVED) {
      sendSynAck();
    } else if (sndUna != sndMax) {
      int inFlightData = Math.min(Math.max(SeqNum.diff(sndNxt, bufferStart), 0), sendBuffer.length());
      int n = Math.min(inFlightData, targetMss);
      boolean fin = finSent && n == inFlightData;
      boolean push = n > 0 && n == sendBuffer.length();
      int flags = TcpFlag.ACK.bit() | (push ? TcpFlag.PSH.bit() : 0) | (fin ? TcpFlag.FIN.bit() : 0);
      emit(sndUna, flags, sendBuffer.slice(0, n), TcpOptions.NONE);
    } else if (windowClosedOnData()) {
      int offset = SeqNum.diff(sndNxt, bufferStart);
      emit(sndNxt, TcpFlag.ACK.bit(), sendBuffer.slice(offset, 1), TcpOptions.NONE);
      advance(1);
    }
    mindTimer();
  }

  private void sendSynAck() {
    sndNxt = SeqNum.add(iss, 1);
    sndMax = sndNxt;
    TcpOptions options = new TcpOptions(PeerDefaults.PEER_MSS, windowScaling ? PeerDefaults.PEER_WINDOW_SCALE : -1);
    emit(iss, TcpFlag.mask(TcpFlag.SYN, TcpFlag.ACK), new byte[0], options);
    timer.ensureRunning();
  }

  private void sendAck() {
    emit(sndNxt, TcpFlag.ACK.bit(), new byte[0], TcpOptions.NONE);
  }

  private void emit(long seq, int flags, byte[] payload, TcpOptions options) {
    boolean syn = (flags & TcpFlag.SYN.bit()) != 0;
    TcpSegment segment = new TcpSegment(
        local, remote, seq, receiver.ackable(), flags, receiver.windowField(syn), options, payload);
    impairments.submit(segment, ownSegments);
  }

  /** One of the peer's own segments goes on the wire now: what it advertises is now known to the target. */
  private void onWire(TcpSegment segment) {
    receiver.advertised(segment.ack(), segment.window(), segment.has(TcpFlag.SYN), peer.clock().nanoTime());
    peer.transmit(segment);
  }

  private void close() {
    state = State.CLOSED;
    timer.stop();
  }

  private void requireRemote() {
    if (remote == null) {
      throw new IllegalStateException("no SYN from the target yet on " + this);
    }
  }
}
