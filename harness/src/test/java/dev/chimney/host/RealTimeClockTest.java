package dev.chimney.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RealTimeClockTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private final RealTimeClock clock = new RealTimeClock();

  @Test
  void scheduledTasksRunOnTheWaitingThreadInTimeThenSubmissionOrder() {
    List<String> ran = new ArrayList<>();
    Thread waiter = Thread.currentThread();
    // Far enough ahead that the zero-delay tasks, scheduled after it, are still due first on a busy
    // machine: at 2 ms a pause between these calls once made "later" the earlier task, rightly.
    clock.schedule(200 * MS, () -> ran.add("later"));
    clock.schedule(0, () -> ran.add("first"));
    clock.schedule(0, () -> ran.add("second"));
    clock.schedule(0, () -> assertThat(Thread.currentThread()).isSameAs(waiter));
    boolean done = clock.runUntil(() -> ran.size() == 3, 2_000 * MS);
    assertThat(done).isTrue();
    assertThat(ran).containsExactly("first", "second", "later");
  }

  @Test
  void aConditionSetByAnotherThreadEndsTheWait() throws InterruptedException {
    AtomicBoolean set = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    Thread target = new Thread(() -> {
      try {
        started.await();
      } catch (InterruptedException e) {
        return;
      }
      set.set(true);
    });
    target.start();
    started.countDown();
    assertThat(clock.runUntil(set::get, 2_000 * MS)).as("condition seen before the timeout").isTrue();
    target.join();
  }

  @Test
  void aConditionThatNeverHoldsTimesOutAndSaysSo() {
    assertThat(clock.runUntil(() -> false, 5 * MS)).isFalse();
    assertThat(clock.nanoTime()).isGreaterThanOrEqualTo(5 * MS);
  }

  @Test
  void aCancelledTaskNeverRuns() {
    AtomicBoolean ran = new AtomicBoolean();
    clock.schedule(MS, () -> ran.set(true)).cancel();
    clock.runFor(3 * MS);
    assertThat(ran).isFalse();
  }
}
