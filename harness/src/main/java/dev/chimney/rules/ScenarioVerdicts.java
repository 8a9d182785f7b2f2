package dev.chimney.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the monitors concluded about one scenario: the input for a {@link ScenarioResult}.
 *
 * @param verdicts one verdict per catalogue rule, by rule ID, in catalogue order
 * @param evidence every violation found, rule by rule in catalogue order
 */
public record ScenarioVerdicts(Map<String, Verdict> verdicts, List<Evidence> evidence) {

  /** The verdict for {@code ruleId}, or null when the catalogue has no such rule. */
  public Verdict verdict(String ruleId) {
    return verdicts.get(ruleId);
  }

  /** True when some monitor found a violation. */
  public boolean failed() {
    return !evidence.isEmpty();
  }

  /** The evidence messages, one per line, for a scenario's failure; null when nothing failed. */
  public String failureMessage() {
    return evidence.isEmpty() ? null : evidence.stream().map(Evidence::message).collect(Collectors.joining("\n"));
  }
}
