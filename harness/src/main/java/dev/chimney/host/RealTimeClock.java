package dev.chimney.host;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The clock for targets that run on real time (outside the JVM, or the kernel): time is the
 * monotonic clock since the scenario began, and scheduled work (the peer's, the link's, the host's
 * own) runs on the host thread inside {@link #runUntil}, which also notices what the target's own
 * threads change, by polling its condition at least every {@link #POLL_INTERVAL_NANOS}.
 */
public final class RealTimeClock implements HostClock {
  /**
   * The longest the host thread waits before checking its condition again: upcalls from the
   * target's threads change what it waits for without waking it.
   */
  public static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final long origin = System.nanoTime();
  private final PriorityQueue<ClockTask> queue = new PriorityQueue<>();
  private long submitted;

  @Override
  public long nanoTime() {
    return System.nanoTime() - origin;
  }

  @Override
  public synchronized Cancellable schedule(long delayNanos, Runnable task) {
    ClockTask t = new ClockTask(nanoTime() + Math.max(0, delayNanos), submitted++, task);
    queue.add(t);
    notifyAll();
    return () -> {
      synchronized (RealTimeClock.this) {
        t.cancelled = true;
      }
    };
  }

  @Override
  public boolean runUntil(BooleanSupplier condition, long timeoutNanos) {
    long deadline = nanoTime() + timeoutNanos;
    while (true) {
      ClockTask due;
      while ((due = pollDue()) != null) {
        due.action.run();
      }
      if (condition.getAsBoolean()) {
        return true;
      }
      long now = nanoTime();
      if (now >= deadline) {
        return condition.getAsBoolean();
      }
      awaitWork(Math.min(deadline, now + POLL_INTERVAL_NANOS));
    }
  }

  private synchronized ClockTask pollDue() {
    while (!queue.isEmpty() && queue.peek().at <= nanoTime()) {
      ClockTask t = queue.poll();
      if (!t.cancelled) {
        return t;
      }
    }
    return null;
  }

  /** Sleeps until {@code until}, the next task, or new work, whichever comes first. */
  private synchronized void awaitWork(long until) {
    long wake = queue.isEmpty() ? until : Math.min(until, queue.peek().at);
    long wait = wake - nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.timedWait(this, wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HarnessInterruptedException(e);
      }
    }
  }
}
