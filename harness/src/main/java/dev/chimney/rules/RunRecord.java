package dev.chimney.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scenario results of the current run, in the order they finished. The Cucumber hooks add to
 * it (from whichever thread runs the scenario); {@code certify} reads it once the launcher is done.
 * Thread-safe: every method holds the class's lock.
 */
public final class RunRecord {
  private static final List<ScenarioResult> RESULTS = new ArrayList<>();

  private RunRecord() {}

  /** Forgets every result: called before a run. */
  public static synchronized void reset() {
    RESULTS.clear();
  }

  /**
   * Adds one finished scenario.
   *
   * @param result never null
   */
  public static synchronized void add(ScenarioResult result) {
    RESULTS.add(Objects.requireNonNull(result, "result"));
  }

  /** A snapshot of the results so far, in finishing order; later adds do not change it. */
  public static synchronized List<ScenarioResult> results() {
    return List.copyOf(RESULTS);
  }
}
