package dev.chimney.wire;

import dev.chimney.spi.TargetClock;
import java.util.PriorityQueue;

/**
 * A discrete-event clock for wire tests (the harness's VirtualClock lives in a module that
 * depends on this one): tasks run in time order, ties in submission order, when a test calls
 * {@link #runAll}.
 */
final class TestClock implements TargetClock {
  private record Task(long at, long order, Runnable action) {}

  private final PriorityQueue<Task> queue = new PriorityQueue<>(
      (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
  private long now;
  private long submitted;

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    Task t = new Task(now + delayNanos, submitted++, task);
    queue.add(t);
    return () -> queue.remove(t);
  }

  /** Moves time forward without running anything, as if the scenario idled. */
  void advance(long nanos) {
    now += nanos;
  }

  /** Runs the tasks due by {@code time}, including ones they schedule, then sets the time to it. */
  void runTo(long time) {
    for (Task t = queue.peek(); t != null && t.at <= time; t = queue.peek()) {
      queue.poll();
      now = Math.max(now, t.at);
      t.action.run();
    }
    now = Math.max(now, time);
  }

  /** Runs every task, including ones they schedule, advancing time to each. */
  void runAll() {
    for (Task t = queue.poll(); t != null; t = queue.poll()) {
      now = Math.max(now, t.at);
      t.action.run();
    }
  }
}
