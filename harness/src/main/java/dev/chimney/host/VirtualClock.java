package dev.chimney.host;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event clock: time jumps from one task to the next, nothing sleeps. Tasks run in time
 * order, ties in submission order, so a run of in-JVM components is the same every time, to the
 * byte. Scheduling is thread-safe; tasks run on the thread that calls {@link #runUntil}.
 */
public final class VirtualClock implements HostClock {
  private final PriorityQueue<ClockTask> queue = new PriorityQueue<>();
  private long now;
  private long submitted;

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(long delayNanos, Runnable task) {
    ClockTask t = new ClockTask(now + Math.max(0, delayNanos), submitted++, task);
    queue.add(t);
    return () -> {
      synchronized (VirtualClock.this) {
        t.cancelled = true;
      }
    };
  }

  @Override
  public boolean runUntil(BooleanSupplier condition, long timeoutNanos) {
    long deadline;
    synchronized (this) {
      deadline = now + timeoutNanos;
    }
    while (!condition.getAsBoolean()) {
      ClockTask next = pollDue(deadline);
      if (next == null) {
        return condition.getAsBoolean();
      }
      next.action.run();
    }
    return true;
  }

  /** Takes the next live task due by {@code deadline}, advancing time to it; or advances time to the deadline and returns null. */
  private synchronized ClockTask pollDue(long deadline) {
    while (true) {
      ClockTask head = queue.peek();
      if (head == null || head.at > deadline) {
        now = Math.max(now, deadline);
        return null;
      }
      queue.poll();
      if (!head.cancelled) {
        now = head.at;
        return head;
      }
    }
  }
}
