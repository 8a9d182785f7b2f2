package dev.chimney.trace;

import dev.chimney.rules.Evidence;
import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts of every connection of a capture, summed up rule by rule as connections are judged:
 * FAIL when any connection failed a rule, PASS when some exercised it and none failed, else
 * NOT_EXERCISED. Keeps counts and the first evidence only, so its size does not grow with the
 * capture. "First" is by the order connections were retired, which each verdict carries, so that
 * tallies kept apart by {@link JudgeShards}' workers merge into the one a single thread would keep.
 */
final class RuleTally {
  /** Evidence kept per rule over the whole capture: a broken target fails on every connection. */
  static final int MAX_EVIDENCE_PER_RULE = 50;

  /** One piece of evidence and the retire order of the connection that gave it. */
  private record Kept(long order, Evidence evidence) {}

  private final Map<String, int[]> judged = new HashMap<>();
  private final Map<String, Boolean> failed = new HashMap<>();
  private final Map<String, List<Kept>> evidence = new HashMap<>();

  /**
   * Adds one connection's verdict on {@code ruleId}.
   *
   * @param order the connection's place in the retire order: adds come in increasing order
   */
  void add(String ruleId, Verdict verdict, List<Evidence> found, long order) {
    if (verdict == Verdict.PASS || verdict == Verdict.FAIL) {
      judged.computeIfAbsent(ruleId, k -> new int[1])[0]++;
    }
    if (verdict == Verdict.FAIL) {
      failed.put(ruleId, true);
      List<Kept> kept = evidence.computeIfAbsent(ruleId, k -> new ArrayList<>());
      for (Evidence e : found) {
        if (kept.size() < MAX_EVIDENCE_PER_RULE) {
          kept.add(new Kept(order, e));
        }
      }
    }
  }

  /** One tally of what {@code parts} saw, each having judged its own connections. */
  static RuleTally merge(List<RuleTally> parts) {
    RuleTally all = new RuleTally();
    for (RuleTally part : parts) {
      part.judged.forEach((id, n) -> all.judged.computeIfAbsent(id, k -> new int[1])[0] += n[0]);
      all.failed.putAll(part.failed);
      part.evidence.forEach((id, kept) -> all.evidence.computeIfAbsent(id, k -> new ArrayList<>()).addAll(kept));
    }
    for (List<Kept> kept : all.evidence.values()) {
      // Stable: a connection's findings keep their own order.
      kept.sort(Comparator.comparingLong(Kept::order));
      if (kept.size() > MAX_EVIDENCE_PER_RULE) {
        kept.subList(MAX_EVIDENCE_PER_RULE, kept.size()).clear();
      }
    }
    return all;
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
      return new RuleResult(rule, Verdict.FAIL, count,
          evidence.get(rule.id()).stream().map(Kept::evidence).toList(), null);
    }
    if (count > 0) {
      return new RuleResult(rule, Verdict.PASS, count, List.of(), null);
    }
    return new RuleResult(rule, Verdict.NOT_EXERCISED, 0, List.of(), whyNotExercised);
  }
}
