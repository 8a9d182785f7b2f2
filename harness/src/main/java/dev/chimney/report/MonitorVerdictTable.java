package dev.chimney.report;

import dev.chimney.rules.Evidence;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.Verdict;
import java.util.List;
import java.util.Map;

/**
 * A scenario's monitor verdicts as a plain-text table, followed by the monitors' evidence: the
 * attachment a reader opens first when a scenario fails.
 */
final class MonitorVerdictTable {
  private static final String RULE_HEADER = "rule";
  private static final String VERDICT_HEADER = "verdict";

  private MonitorVerdictTable() {}

  static String render(ScenarioResult result) {
    List<Map.Entry<String, Verdict>> verdicts = MonitorVerdictOrder.ordered(result);
    int width = verdicts.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
    width = Math.max(width, RULE_HEADER.length());
    String row = "%-" + width + "s  %s\n";

    StringBuilder text = new StringBuilder();
    text.append("Monitor verdicts: ").append(result.name()).append('\n');
    text.append(String.format(row, RULE_HEADER, VERDICT_HEADER));
    verdicts.forEach(e -> text.append(String.format(row, e.getKey(), e.getValue())));
    if (verdicts.isEmpty()) {
      text.append("(no monitor judged this scenario)").append('\n');
    }
    if (!result.evidence().isEmpty()) {
      text.append('\n').append("Evidence").append('\n');
      result.evidence().stream().map(Evidence::message)
          .forEach(m -> text.append(m).append('\n'));
    }
    return text.toString();
  }
}
