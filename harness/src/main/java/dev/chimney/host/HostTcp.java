package dev.chimney.host;

import dev.chimney.spi.TargetClock;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The host's own TCP for one connection, as small as it can be while staying correct: the active
 * open before an offload, and the resumption after a terminate (retransmit from SndUna, send the
 * rest, acknowledge the peer). Go-back-N on a retransmission timeout with backoff; every in-order
 * data segment or FIN is acknowledged at once; out-of-order data is dropped and answered with a
 * duplicate ACK. It never sends a RST or a FIN: the harness's own segments must never be mistaken
 * for the target's (DSC-3).
 *
 * <p>Runs on the host thread: segments arrive from the host's {@link OrdinaryPath}, timers on the
 * run's clock.
 */
final class HostTcp {
  /** The MSS the host announces in its SYN. */
  static final int HOST_MSS = 1460;
  /** The window scale shift the host announces in its SYN, and applies to the windows it advertises. */
  static final int HOST_WINDOW_SCALE = 7;
  /** The receive window the host advertises, in bytes; also the initial receive window handed over. */
  static final int HOST_RECEIVE_WINDOW = 65535;
  /** The peer MSS to assume when its SYN-ACK carries none (RFC 1122). */
  static final int DEFAULT_REMOTE_MSS = 536;
  /** The first retransmission timeout; doubled on each expiry up to {@link #MAX_RETRANSMIT_TIMEOUT}. */
  static final Duration INITIAL_RETRANSMIT_TIMEOUT = Duration.ofMillis(200);
  /** The largest retransmission timeout after backoff. */
  static final Duration MAX_RETRANSMIT_TIMEOUT = Duration.ofSeconds(2);

  enum State { SYN_SENT, ESTABLISHED, DORMANT, CLOSED }

  private final Endpoint local;
  private final Endpoint remote;
  private final TargetClock clock;
  private final Consumer<TcpSegment> transmitter;
  private final Consumer<byte[]> application;

  private State state = State.CLOSED;
  private long iss;
  private long sndUna;
  private long sndNxt;
  private long sndMax;
  private long sndWnd;
  private long rcvNxt;
  private int sndWindScale;
  private int rcvWindScale;
  private int remoteMss = DEFAULT_REMOTE_MSS;
  private boolean finReceived;
  /** Send data from SndUna on: sent-unacknowledged up to SndMax, unsent after. */
  private byte[] sendBuffer = new byte[0];
  private TargetClock.Cancellable retransmitTimer;
  private long retransmitTimeoutNanos = INITIAL_RETRANSMIT_TIMEOUT.toNanos();

  /**
   * @param transmitter puts one of the host's segments on the ordinary send path
   * @param application takes in-order data received from the peer
   */
  HostTcp(Endpoint local, Endpoint remote, TargetClock clock, Consumer<TcpSegment> transmitter,
      Consumer<byte[]> application) {
    this.local = local;
    this.remote = remote;
    this.clock = clock;
    this.transmitter = transmitter;
    this.application = application;
  }

  /** Sends the SYN with initial sequence number {@code iss}. */
  void open(long iss) {
    this.iss = iss;
    sndUna = iss;
    sndNxt = SeqNum.add(iss, 1);
    sndMax = sndNxt;
    state = State.SYN_SENT;
    sendSyn();
  }

  /** Takes one segment of this connection from the ordinary receive path. */
  void onSegment(TcpSegment s) {
    if (state == State.DORMANT || state == State.CLOSED) {
      return;
    }
    if (s.has(TcpFlag.RST)) {
      state = State.CLOSED;
      stopTimer();
      return;
    }
    if (state == State.SYN_SENT) {
      onSynSentSegment(s);
      return;
    }
    if (s.has(TcpFlag.ACK)) {
      onAck(s);
    }
    if (s.payloadLength() > 0 || s.has(TcpFlag.FIN) || s.has(TcpFlag.SYN)) {
      onData(s);
      sendAck();
    }
    transmitMore();
  }

  private void onSynSentSegment(TcpSegment s) {
    if (!s.has(TcpFlag.SYN) || !s.has(TcpFlag.ACK) || s.ack() != SeqNum.add(iss, 1)) {
      return;
    }
    TcpOptions o = s.options();
    remoteMss = o.mss() > 0 ? o.mss() : DEFAULT_REMOTE_MSS;
    boolean scaling = o.windowScale() >= 0;
    sndWindScale = scaling ? o.windowScale() : 0;
    rcvWindScale = scaling ? HOST_WINDOW_SCALE : 0;
    rcvNxt = SeqNum.add(s.seq(), 1);
    sndUna = s.ack();
    sndWnd = s.window();
    state = State.ESTABLISHED;
    stopTimer();
    sendAck();
  }

  private void onAck(TcpSegment s) {
    long acked = SeqNum.diff(s.ack(), sndUna);
    if (acked > 0 && SeqNum.diff(s.ack(), sndMax) <= 0) {
      sendBuffer = Arrays.copyOfRange(sendBuffer, (int) Math.min(acked, sendBuffer.length), sendBuffer.length);
      sndUna = s.ack();
      if (SeqNum.lt(sndNxt, sndUna)) {
        sndNxt = sndUna;
      }
      retransmitTimeoutNanos = INITIAL_RETRANSMIT_TIMEOUT.toNanos();
      stopTimer();
      if (SeqNum.lt(sndUna, sndMax)) {
        startTimer();
      }
    }
    if (SeqNum.diff(s.ack(), sndUna) >= 0) {
      sndWnd = (long) s.window() << sndWindScale;
    }
  }

  private void onData(TcpSegment s) {
    if (s.seq() != rcvNxt || s.has(TcpFlag.SYN)) {
      return;
    }
    if (s.payloadLength() > 0) {
      application.accept(s.payload());
      rcvNxt = SeqNum.add(rcvNxt, s.payloadLength());
    }
    if (s.has(TcpFlag.FIN) && !finReceived) {
      finReceived = true;
      rcvNxt = SeqNum.add(rcvNxt, 1);
    }
  }

  /** Queues application data for sending and sends what the window allows. */
  void send(byte[] data) {
    byte[] grown = Arrays.copyOf(sendBuffer, sendBuffer.length + data.length);
    System.arraycopy(data, 0, grown, sendBuffer.length, data.length);
    sendBuffer = grown;
    if (state == State.ESTABLISHED) {
      transmitMore();
    }
  }

  private void transmitMore() {
    if (state != State.ESTABLISHED) {
      return;
    }
    long limit = Math.min(sendBuffer.length, Math.max(sndWnd, 0));
    long offset = SeqNum.diff(sndNxt, sndUna);
    while (offset < limit) {
      int len = (int) Math.min(remoteMss, limit - offset);
      byte[] payload = Arrays.copyOfRange(sendBuffer, (int) offset, (int) offset + len);
      transmitter.accept(segment(sndNxt, TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH), payload, TcpOptions.NONE));
      sndNxt = SeqNum.add(sndNxt, len);
      if (SeqNum.gt(sndNxt, sndMax)) {
        sndMax = sndNxt;
      }
      offset += len;
      if (retransmitTimer == null) {
        startTimer();
      }
    }
  }

  private void sendSyn() {
    transmitter.accept(segment(iss, TcpFlag.SYN.bit(), new byte[0],
        new TcpOptions(HOST_MSS, HOST_WINDOW_SCALE)));
    startTimer();
  }

  private void sendAck() {
    transmitter.accept(segment(sndNxt, TcpFlag.ACK.bit(), new byte[0], TcpOptions.NONE));
  }

  private TcpSegment segment(long seq, int flags, byte[] payload, TcpOptions options) {
    int window = (flags & TcpFlag.SYN.bit()) != 0
        ? HOST_RECEIVE_WINDOW
        : Math.min(0xFFFF, HOST_RECEIVE_WINDOW >> rcvWindScale);
    long ack = (flags & TcpFlag.ACK.bit()) != 0 ? rcvNxt : 0;
    return new TcpSegment(local, remote, seq, ack, flags, window, options, payload);
  }

  private void startTimer() {
    stopTimer();
    retransmitTimer = clock.schedule(retransmitTimeoutNanos, this::onRetransmitTimeout);
  }

  private void stopTimer() {
    if (retransmitTimer != null) {
      retransmitTimer.cancel();
      retransmitTimer = null;
    }
  }

  private void onRetransmitTimeout() {
    retransmitTimer = null;
    retransmitTimeoutNanos = Math.min(retransmitTimeoutNanos * 2, MAX_RETRANSMIT_TIMEOUT.toNanos());
    if (state == State.SYN_SENT) {
      sendSyn();
    } else if (state == State.ESTABLISHED && SeqNum.lt(sndUna, sndMax)) {
      sndNxt = sndUna;
      transmitMore();
    }
  }

  /** The target takes the connection over: stop timers and ignore segments until resumed. */
  void suspend() {
    stopTimer();
    state = State.DORMANT;
  }

  /**
   * Takes the connection back from a target's delegated state without sending anything: SndUna,
   * SndMax, RcvNxt and SndWnd from {@code delegated}, and {@code fromSndUna} as the send data from
   * SndUna on. Unset variables keep the host's last values.
   */
  void restore(TcpDelegatedState delegated, byte[] fromSndUna) {
    sndUna = delegated.sndUna().orElse(sndUna);
    sndMax = delegated.sndMax().orElse(sndUna);
    if (SeqNum.lt(sndMax, sndUna)) {
      sndMax = sndUna;
    }
    sndNxt = sndUna;
    rcvNxt = delegated.rcvNxt().orElse(rcvNxt);
    sndWnd = delegated.sndWnd().orElse(sndWnd);
    finReceived = finReceived || delegated.state() == TcpConnectionState.CLOSE_WAIT;
    sendBuffer = fromSndUna.clone();
    state = State.DORMANT;
  }

  /**
   * Runs the connection again after {@link #restore} or {@link #suspend}: from now on segments are
   * processed; nothing is sent until {@link #acknowledgeAndSend()}.
   */
  void resume() {
    state = State.ESTABLISHED;
    retransmitTimeoutNanos = INITIAL_RETRANSMIT_TIMEOUT.toNanos();
  }

  /** Acknowledges the peer up to RcvNxt and sends from SndNxt on as far as the window allows. */
  void acknowledgeAndSend() {
    sendAck();
    transmitMore();
  }

  /** The delegated variables to hand a target on initiate: the host's current view. */
  TcpDelegatedState delegatedState() {
    TcpDelegatedState d = new TcpDelegatedState()
        .set(Field.SND_UNA, sndUna)
        .set(Field.SND_NXT, sndNxt)
        .set(Field.SND_MAX, sndMax)
        .set(Field.RCV_NXT, rcvNxt)
        .set(Field.SND_WND, sndWnd)
        .set(Field.RCV_WND, HOST_RECEIVE_WINDOW);
    return d.setState(finReceived ? TcpConnectionState.CLOSE_WAIT : TcpConnectionState.ESTABLISHED);
  }

  /** The send data from SndUna on (sent-unacknowledged, then unsent), which an initiate hands over. */
  byte[] outstanding() {
    return sendBuffer.clone();
  }

  /** Forgets the send data once it has been handed to a target. */
  void clearOutstanding() {
    sendBuffer = new byte[0];
  }

  State state() {
    return state;
  }

  boolean established() {
    return state == State.ESTABLISHED;
  }

  long sndUna() {
    return sndUna;
  }

  long sndMax() {
    return sndMax;
  }

  long rcvNxt() {
    return rcvNxt;
  }

  long iss() {
    return iss;
  }

  int sndWindScale() {
    return sndWindScale;
  }

  int rcvWindScale() {
    return rcvWindScale;
  }

  int remoteMss() {
    return remoteMss;
  }

  /** True once every byte handed to this TCP has been acknowledged by the peer. */
  boolean allAcknowledged() {
    return sendBuffer.length == 0 && sndUna == sndMax;
  }
}
