package dev.chimney.nic;

import dev.chimney.spi.TargetClock;
import java.util.PriorityQueue;

/** A discrete-event clock for tests: time moves only when a test advances it; ties run in submission order. */
final class TestClock implements TargetClock {
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long now;
  private long submitted;

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable action) {
    Task task = new Task(now + Math.max(0, delayNanos), submitted++, action);
    queue.add(task);
    return () -> task.cancelled = true;
  }

  /** Runs every task due now, including those they schedule for now. */
  void runDue() {
    advance(0);
  }

  /** Moves time forward by {@code nanos}, running every task due on the way, in order. */
  void advance(long nanos) {
    long until = now + nanos;
    while (!queue.isEmpty() && queue.peek().at <= until) {
      Task task = queue.poll();
      if (!task.cancelled) {
        now = task.at;
        task.action.run();
      }
    }
    now = until;
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
