package dev.chimney.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One scenario's outcome.
 *
 * @param name the scenario's name
 * @param feature the feature file it comes from, with the line ("features/disconnect.feature:12")
 * @param rules the rule IDs it is tagged with
 * @param status PASSED, FAILED or SKIPPED
 * @param failure the failure message (the step's, or the monitors' evidence), else null
 * @param monitorVerdicts each monitor's verdict in this scenario, by rule ID
 * @param evidence the monitors' findings in this scenario
 * @param capture the pcapng file, or null when none was written
 * @param eventLog the event log file, or null when none was written
 * @param durationNanos wall-clock duration
 */
public record ScenarioResult(String name, String feature, List<String> rules, Status status, String failure,
    Map<String, Verdict> monitorVerdicts, List<Evidence> evidence, Path capture, Path eventLog,
    long durationNanos) {

  /** A scenario's status. */
  public enum Status { PASSED, FAILED, SKIPPED }
}
