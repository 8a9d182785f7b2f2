package dev.chimney.peer;

import dev.chimney.spi.TargetClock;

/**
 * The peer's retransmission timer for one connection (RFC 6298, simplified): starts at {@link
 * PeerDefaults#INITIAL_RTO_NANOS}, doubles on every expiry up to {@link PeerDefaults#MAX_RTO_NANOS},
 * resets when the target acknowledges something new, and gives up after {@link
 * PeerDefaults#MAX_RETRANSMISSIONS} expiries without progress.
 */
final class RetransmissionTimer {
  private final TargetClock clock;
  private final Runnable onExpiry;
  private TargetClock.Cancellable pending;
  private long rtoNanos = PeerDefaults.INITIAL_RTO_NANOS;
  private int expiries;

  /** {@code onExpiry} runs on the clock's thread each time the timer expires. */
  RetransmissionTimer(TargetClock clock, Runnable onExpiry) {
    this.clock = clock;
    this.onExpiry = onExpiry;
  }

  /** Starts the timer unless it is running or has given up. */
  void ensureRunning() {
    if (pending == null && expiries < PeerDefaults.MAX_RETRANSMISSIONS) {
      pending = clock.schedule(rtoNanos, this::expire);
    }
  }

  /** The target acknowledged new data: back to the initial timeout, timer stopped. */
  void progress() {
    stop();
    rtoNanos = PeerDefaults.INITIAL_RTO_NANOS;
    expiries = 0;
  }

  void stop() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  private void expire() {
    pending = null;
    expiries++;
    rtoNanos = Math.min(rtoNanos * 2, PeerDefaults.MAX_RTO_NANOS);
    onExpiry.run();
  }
}
