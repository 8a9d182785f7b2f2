package dev.chimney.host;

import dev.chimney.spi.TargetClock;
import java.util.function.BooleanSupplier;

/**
 * The run's clock as the harness sees it: the {@link TargetClock} a target gets, plus the means to
 * let time pass until something happens. Step code waits only through {@link #runUntil}, always
 * with a named timeout (see {@link Timeouts}).
 */
public interface HostClock extends TargetClock {
  /**
   * Runs scheduled work until {@code condition} holds or {@code timeoutNanos} of clock time pass.
   *
   * @return true if the condition held in time
   */
  boolean runUntil(BooleanSupplier condition, long timeoutNanos);

  /** Runs scheduled work for {@code nanos} of clock time. */
  default void runFor(long nanos) {
    runUntil(() -> false, nanos);
  }
}
