package dev.chimney.rules;

import java.util.List;

/**
 * A run's result: what the reports show.
 *
 * @param target the target's name
 * @param certified true when every required rule is PASS
 * @param rules one result per catalogue rule, in catalogue order
 * @param scenarios every scenario that ran, in run order
 */
public record Certification(String target, boolean certified, List<RuleResult> rules, List<ScenarioResult> scenarios) {

  /** Scenarios with the given status. */
  public long count(ScenarioResult.Status status) {
    return scenarios.stream().filter(s -> s.status() == status).count();
  }
}
