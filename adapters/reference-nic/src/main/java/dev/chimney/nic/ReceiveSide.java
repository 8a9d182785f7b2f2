package dev.chimney.nic;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * The receive half of one connection: RcvNxt, the advertised window and the data on its way to the
 * host. Only in-order data is taken: a segment beyond RcvNxt is dropped and answered with a
 * duplicate ACK (no reassembly queue; the peer retransmits). The window is the receive buffer
 * less the bytes not yet delivered, so its right edge never moves left.
 */
final class ReceiveSide {
  /** What {@link #take} did with a segment's data and FIN. */
  enum Outcome {
    /** Nothing new. */
    NOTHING,
    /** In-order data taken: the ACK may be delayed. */
    DATA,
    /** Data beyond RcvNxt, dropped: duplicate ACK now. */
    OUT_OF_ORDER,
    /** Only part taken (window full) or data after the peer's FIN: ACK now. */
    TRIMMED,
    /** The peer's FIN taken, after any data before it: ACK now and indicate the disconnect. */
    FIN
  }

  /** The receive buffer when the host cached no window: the largest unscaled window. */
  static final int DEFAULT_RECEIVE_WINDOW = 65_535;

  private static final int MAX_WINDOW_FIELD = 0xFFFF;

  private final int capacity;
  private final int windowScale;
  private final int mss;
  private final ReceiveDelivery delivery;
  private long rcvNxt;
  private boolean finReceived;
  private long lastAdvertised;

  ReceiveSide(ConnectionConfig config, TcpDelegatedState delegated, EngineServices services) {
    this.windowScale = config.rcvWindScale();
    this.mss = config.mss();
    this.delivery = new ReceiveDelivery(services.host(), config.handle(), services.lists());
    this.rcvNxt = delegated.rcvNxt().getAsLong();
    byte[] handedOver = NetBufferList.data(NetBufferList.toList(delegated.bufferedData()));
    delivery.hold(handedOver);
    // the host's window already counted its buffered bytes: keep its right edge where it was
    int cached = (int) Math.max(config.initialRcvWnd(), delegated.rcvWnd().orElse(0) + handedOver.length);
    this.capacity = cached > 0 ? cached : DEFAULT_RECEIVE_WINDOW;
    this.finReceived = EnumSet.of(TcpConnectionState.CLOSE_WAIT, TcpConnectionState.CLOSING,
        TcpConnectionState.LAST_ACK, TcpConnectionState.TIME_WAIT).contains(delegated.state());
    this.lastAdvertised = window();
  }

  /** Delivers the data the host had buffered before the offload (copied when it was taken over). */
  void deliverHandedOver() {
    delivery.deliver();
  }

  long rcvNxt() {
    return rcvNxt;
  }

  /** The window in bytes: the buffer less what waits for the host. */
  long window() {
    return Math.max(0, capacity - delivery.bufferedBytes());
  }

  /** The window field of an outgoing segment: scaled, capped at 16 bits. */
  int windowField() {
    return (int) Math.min(MAX_WINDOW_FIELD, window() >> windowScale);
  }

  /** A segment carrying {@link #window()} went out. */
  void advertised() {
    lastAdvertised = window();
  }

  /**
   * Whether the window opened enough since it was last advertised to be worth an update: by the
   * smaller of half the buffer and one MSS (RFC 1122 section 4.2.3.3, receiver SWS avoidance).
   */
  boolean windowUpdateDue() {
    return window() - lastAdvertised >= Math.min(capacity / 2, mss);
  }

  /** RFC 793 segment acceptability: some of it falls in the receive window. */
  boolean acceptable(TcpSegment segment) {
    long length = segment.seqLength();
    long window = window();
    if (length == 0) {
      return window == 0 ? segment.seq() == rcvNxt : inWindow(segment.seq(), window);
    }
    return window > 0
        && (inWindow(segment.seq(), window) || inWindow(SeqNum.add(segment.seq(), length - 1), window));
  }

  /** Whether an RST at {@code seq} is acceptable: inside the window (at RcvNxt when it is shut). */
  boolean resetAcceptable(long seq) {
    return inWindow(seq, Math.max(1, window()));
  }

  private boolean inWindow(long seq, long window) {
    int offset = SeqNum.diff(seq, rcvNxt);
    return offset >= 0 && offset < window;
  }

  /** Takes the in-order data and FIN of an acceptable segment and hands the data on for delivery. */
  Outcome take(TcpSegment segment) {
    byte[] payload = segment.payload();
    if (finReceived) {
      return payload.length > 0 ? Outcome.TRIMMED : Outcome.NOTHING;
    }
    int alreadyHave = SeqNum.diff(rcvNxt, segment.seq());
    if (alreadyHave < 0) {
      return payload.length > 0 || segment.has(TcpFlag.FIN) ? Outcome.OUT_OF_ORDER : Outcome.NOTHING;
    }
    if (alreadyHave > payload.length) {
      return Outcome.NOTHING;
    }
    byte[] fresh = Arrays.copyOfRange(payload, alreadyHave, payload.length);
    int taken = (int) Math.min(fresh.length, window());
    if (taken > 0) {
      rcvNxt = SeqNum.add(rcvNxt, taken);
      delivery.accept(Arrays.copyOf(fresh, taken));
    }
    if (segment.has(TcpFlag.FIN) && taken == fresh.length) {
      rcvNxt = SeqNum.add(rcvNxt, 1);
      finReceived = true;
      return Outcome.FIN;
    }
    if (taken < fresh.length) {
      return Outcome.TRIMMED;
    }
    return taken > 0 ? Outcome.DATA : Outcome.NOTHING;
  }

  /** Posts the host's receive lists. */
  void post(NetBufferList chain) {
    delivery.post(chain);
  }

  /** Completes the posted lists that got no data with {@code status}. */
  void failPosted(NdisStatus status) {
    delivery.failPosted(status);
  }

  /** Writes RcvNxt, RcvWnd and the undelivered data (TOC-3, TOC-8) into {@code delegated}. */
  void writeTo(TcpDelegatedState delegated) {
    delegated.set(Field.RCV_NXT, rcvNxt).set(Field.RCV_WND, window());
    delegated.setBufferedData(delivery.takeBuffered());
  }
}
