package dev.chimney.remote.serve;

import dev.chimney.spi.TargetClock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A target's clock in a served process: real time since the instance was created, deferred work on
 * the server's one target thread, which also runs the handlers, so a target written for the
 * harness's virtual clock sees the same single-threaded world. A task that throws is reported on
 * standard error and does not stop the thread.
 */
final class ServerClock implements TargetClock {
  private final long origin = System.nanoTime();
  private final ScheduledExecutorService targetThread;

  ServerClock(ScheduledExecutorService targetThread) {
    this.targetThread = targetThread;
  }

  @Override
  public long nanoTime() {
    return System.nanoTime() - origin;
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    ScheduledFuture<?> f = targetThread.schedule(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        System.err.println("chimney serve-target: a task of the target's clock threw: " + e);
      }
    }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }
}
