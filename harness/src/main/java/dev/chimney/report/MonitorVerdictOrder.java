package dev.chimney.report;

import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A scenario's monitor verdicts in reading order: the rules the scenario is tagged with first, in
 * tag order, then the other monitors by ID. The result's map has no order of its own, and a stable
 * order keeps reports of the same run identical.
 */
final class MonitorVerdictOrder {
  private MonitorVerdictOrder() {}

  static List<Map.Entry<String, Verdict>> ordered(ScenarioResult result) {
    List<String> tagged = result.rules();
    Comparator<Map.Entry<String, Verdict>> byTagThenId = Comparator
        .comparingInt((Map.Entry<String, Verdict> e) -> tagPosition(tagged, e.getKey()))
        .thenComparing(Map.Entry::getKey);
    List<Map.Entry<String, Verdict>> entries = new ArrayList<>(result.monitorVerdicts().entrySet());
    entries.sort(byTagThenId);
    return entries;
  }

  private static int tagPosition(List<String> tagged, String ruleId) {
    int index = tagged.indexOf(ruleId);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
