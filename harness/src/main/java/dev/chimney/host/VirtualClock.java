package dev.chimney.host;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event clock: time jumps from one task to the next, nothing sleeps. Tasks run in time
 * order, ties in submission order, so a run of in-JVM components is the same every time, to the
 * byte. Scheduling is thread-safe; tasks run on the thread that calls {@link #runUntil}.
 */
public final class VirtualClock implements HostClock {
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long now;
  private long submitted;

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(long delayNanos, Runnable task) {
    Task t = new Task(now + Math.max(0, delayNanos), submitted++, task);
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
      Task next = pollDue(deadline);
      if (next == null) {
        return condition.getAsBoolean();
      }
      next.action.run();
    }
    return true;
  }

  /** Takes the next live task due by {@code deadline}, advancing time to it; or advances time to the deadline and returns null. */
  private synchronized Task pollDue(long deadline) {
    while (true) {
      Task head = queue.peek();
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

  private static final class Task implements Comparable<Task> {
    final long at;
    final long order;
    final Runnable action;
    boolean cancelled;

    Task(long at, long order, Runnable action) {
      this.at = at;
      this.order = order;
      this.action = action;
    }

    @Override
    public int compareTo(Task o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
    }
  }
}
