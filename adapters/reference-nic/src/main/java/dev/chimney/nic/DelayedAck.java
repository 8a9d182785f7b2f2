package dev.chimney.nic;

import dev.chimney.spi.TargetClock;

/**
 * Delayed acknowledgment of in-order data (RFC 1122 section 4.2.3.2): acknowledge every {@link
 * TcpTimers#SEGMENTS_PER_ACK}th data segment at once, otherwise within {@link
 * TcpTimers#DELAYED_ACK_NANOS}. Every segment the connection sends carries the acknowledgment, so
 * sending anything settles what is owed.
 */
final class DelayedAck {
  private final TargetClock clock;
  private final Runnable sendAck;
  private int unacknowledgedSegments;
  private TargetClock.Cancellable pending;

  /**
   * @param clock the target clock the delay runs on
   * @param sendAck sends a pure acknowledgment; it must end in {@link #settled()}
   */
  DelayedAck(TargetClock clock, Runnable sendAck) {
    this.clock = clock;
    this.sendAck = sendAck;
  }

  /** An in-order data segment was accepted: acknowledge now or arm the delay. */
  void dataAccepted() {
    unacknowledgedSegments++;
    if (unacknowledgedSegments >= TcpTimers.SEGMENTS_PER_ACK) {
      sendAck.run();
    } else if (pending == null) {
      pending = clock.schedule(TcpTimers.DELAYED_ACK_NANOS, this::expire);
    }
  }

  /** Whether accepted data has not been acknowledged yet. */
  boolean owed() {
    return unacknowledgedSegments > 0;
  }

  /** A segment carrying the current acknowledgment went out, or the connection stopped acking. */
  void settled() {
    unacknowledgedSegments = 0;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  private void expire() {
    pending = null;
    if (owed()) {
      sendAck.run();
    }
  }
}
