package dev.chimney.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepFinished;

/**
 * A Cucumber plugin that keeps the failure of the current scenario's failing step, so that the
 * After hook can put its message in the scenario's result: Cucumber's {@code Scenario} tells only
 * that a step failed, not why. Listed in {@code cucumber.plugin} by every run.
 */
public final class StepFailures implements ConcurrentEventListener {
  private static final ThreadLocal<Throwable> FAILURE = new ThreadLocal<>();

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseStarted.class, e -> FAILURE.remove());
    publisher.registerHandlerFor(TestStepFinished.class, e -> {
      if (e.getResult().getStatus() == Status.FAILED && FAILURE.get() == null) {
        FAILURE.set(e.getResult().getError());
      }
    });
  }

  /** The first step failure of the scenario running on this thread, or null. */
  static Throwable current() {
    return FAILURE.get();
  }
}
