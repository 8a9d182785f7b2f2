package dev.chimney.rules;

import java.util.List;

/**
 * The scenario results of the current run, in the order they finished. The Cucumber hooks add to
 * it; {@code certify} reads it once the launcher is done. Thread-safe.
 */
public final class RunRecord {
  private RunRecord() {}

  /** Forgets every result: called before a run. */
  public static void reset() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Adds one finished scenario. */
  public static void add(ScenarioResult result) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The results so far, in finishing order. */
  public static List<ScenarioResult> results() {
    throw new UnsupportedOperationException("TODO");
  }
}
