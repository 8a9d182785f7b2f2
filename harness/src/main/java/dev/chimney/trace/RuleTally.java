package dev.chimney.trace;

import dev.chimney.rules.Evidence;
import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts of every connection of a capture, summed up rule by rule as connections are judged:
 * FAIL when any connection failed a rule, PASS when some exercised it and none failed, else
 * NOT_EXERCISED. Keeps counts and the first evidence only, so its size does not grow with the capture.
 */
final class RuleTally {
  /** Evidence kept per rule over the whole capture; the count of the rest is still reported. */
  static final int MAX_EVIDENCE_PER_RULE = 50;

  private final Map<String, int[]> judged = new HashMap<>();
  private final Map<String, Boolean> failed = new HashMap<>();
  private final Map<String, List<Evidence>> evidence = new HashMap<>();
  private final Map<String, Long> evidenceCount = new HashMap<>();

  void add(String ruleId, Verdict verdict, List<Evidence> found) {
    if (verdict == Verdict.PASS || verdict == Verdict.FAIL) {
      judged.computeIfAbsent(ruleId, k -> new int[1])[0]++;
    }
    if (verdict == Verdict.FAIL) {
      failed.put(ruleId, true);
      List<Evidence> kept = evidence.computeIfAbsent(ruleId, k -> new ArrayList<>());
      for (Evidence e : found) {
        if (kept.size() < MAX_EVIDENCE_PER_RULE) {
          kept.add(e);
        }
      }
      evidenceCount.merge(ruleId, (long) found.size(), Long::sum);
    }
  }

  /** How many findings there were for {@code ruleId}, kept or not. */
  long evidenceCount(String ruleId) {
    return evidenceCount.getOrDefault(ruleId, 0L);
  }

  /**
   * The rule's result over the capture; its scenario count is the number of connections that
   * exercised it.
   *
   * @param whyNotExercised the reason given when no connection exercised it
   */
  RuleResult result(Rule rule, String whyNotExercised) {
    int count = judged.containsKey(rule.id()) ? judged.get(rule.id())[0] : 0;
    if (failed.containsKey(rule.id())) {
      return new RuleResult(rule, Verdict.FAIL, count, List.copyOf(evidence.get(rule.id())), null);
    }
    if (count > 0) {
      return new RuleResult(rule, Verdict.PASS, count, List.of(), null);
    }
    return new RuleResult(rule, Verdict.NOT_EXERCISED, 0, List.of(), whyNotExercised);
  }
}
