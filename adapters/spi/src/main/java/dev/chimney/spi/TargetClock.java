package dev.chimney.spi;

/**
 * Time and deferred work for a target. For targets inside the JVM this is the harness's virtual
 * clock: time advances only between tasks, so a target that does all its deferred work here is
 * deterministic. Tasks run on the host thread, one at a time, in time order (ties in submission
 * order).
 */
public interface TargetClock {
  /** Nanoseconds since the scenario began. */
  long nanoTime();

  /**
   * Runs {@code task} {@code delayNanos} from now. Any thread.
   *
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(long delayNanos, Runnable task);

  /** Runs {@code task} as soon as the current task is done: how a handler defers its completion. */
  default void execute(Runnable task) {
    schedule(0, task);
  }

  /** Cancels a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not run; harmless otherwise. */
    void cancel();
  }
}
