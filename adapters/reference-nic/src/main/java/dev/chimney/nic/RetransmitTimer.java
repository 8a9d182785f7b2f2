package dev.chimney.nic;

import dev.chimney.spi.TargetClock;

/**
 * One connection's retransmission timer, with exponential backoff (RFC 6298 section 5): the
 * timeout doubles on every expiry up to {@link TcpTimers#MAX_RTO_NANOS} and returns to {@link
 * TcpTimers#INITIAL_RTO_NANOS} when new data is acknowledged. There is no RTT estimation: on the
 * virtual clock a fixed initial timeout keeps captures reproducible and easy to read.
 */
final class RetransmitTimer {
  private final TargetClock clock;
  private final Runnable onExpiry;
  private long timeoutNanos = TcpTimers.INITIAL_RTO_NANOS;
  private int retransmissions;
  private TargetClock.Cancellable pending;

  /**
   * @param clock the target clock the timer runs on
   * @param onExpiry run on the clock's thread when the timer expires
   */
  RetransmitTimer(TargetClock clock, Runnable onExpiry) {
    this.clock = clock;
    this.onExpiry = onExpiry;
  }

  /** Arms the timer with the current timeout unless it is already running. */
  void startIfStopped() {
    if (pending == null) {
      pending = clock.schedule(timeoutNanos, this::expire);
    }
  }

  /** New data was acknowledged: back to the initial timeout, re-armed when data is still in flight. */
  void acknowledged(boolean stillInFlight) {
    stop();
    timeoutNanos = TcpTimers.INITIAL_RTO_NANOS;
    retransmissions = 0;
    if (stillInFlight) {
      startIfStopped();
    }
  }

  /** The timer expired and the caller retransmitted: doubles the timeout and re-arms. */
  void backOff() {
    retransmissions++;
    timeoutNanos = Math.min(timeoutNanos * 2, TcpTimers.MAX_RTO_NANOS);
    startIfStopped();
  }

  /** Whether the same data was retransmitted {@link TcpTimers#MAX_RETRANSMISSIONS} times. */
  boolean exhausted() {
    return retransmissions >= TcpTimers.MAX_RETRANSMISSIONS;
  }

  /** How many times the unacknowledged data was retransmitted (delegated RetransmitCount). */
  int retransmissions() {
    return retransmissions;
  }

  /** Disarms the timer. */
  void stop() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  private void expire() {
    pending = null;
    onExpiry.run();
  }
}
