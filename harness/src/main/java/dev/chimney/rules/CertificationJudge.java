package dev.chimney.rules;

import dev.chimney.spi.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns scenario results into per-rule verdicts and the certification. Stateless; any thread. */
public final class CertificationJudge {
  private CertificationJudge() {}

  /**
   * One verdict per catalogue rule: NOT_APPLICABLE when the target lacks the rule's capability,
   * FAIL when any scenario's monitor failed it, PASS when exercised and never failed, else
   * NOT_EXERCISED. Certified when every required rule is PASS and no rule, optional ones
   * included, is FAIL: an optional rule may be NOT_APPLICABLE (the target lacks the capability),
   * but a target that declares a capability must get it right.
   *
   * <p>A rule's evidence is gathered from every scenario, in run order; its scenario count is the
   * number of scenarios whose monitor judged it (PASS or FAIL). A scenario without a verdict for a
   * rule (skipped, or run before the monitors existed) counts as not exercising it.
   *
   * @param target the target's name
   * @param capabilities what the target declared; never null
   * @param catalogue the rules to judge
   * @param results every scenario of the run, in run order
   */
  public static Certification judge(String target, Set<Capability> capabilities, RuleCatalogue catalogue,
      List<ScenarioResult> results) {
    List<RuleResult> rules = new ArrayList<>();
    for (Rule rule : catalogue.rules()) {
      rules.add(judge(rule, capabilities, results));
    }
    boolean certified = rules.stream().allMatch(CertificationJudge::acceptable);
    return new Certification(target, certified, List.copyOf(rules), List.copyOf(results));
  }

  /** Whether a rule's verdict allows certification. */
  public static boolean acceptable(RuleResult r) {
    return r.rule().level() == Level.REQUIRED ? r.verdict() == Verdict.PASS : r.verdict() != Verdict.FAIL;
  }

  private static RuleResult judge(Rule rule, Set<Capability> capabilities, List<ScenarioResult> results) {
    if (!rule.appliesTo(capabilities)) {
      return new RuleResult(rule, Verdict.NOT_APPLICABLE, 0, List.of(),
          "the target does not declare the capability " + rule.requires());
    }
    int judged = 0;
    boolean failed = false;
    List<Evidence> evidence = new ArrayList<>();
    for (ScenarioResult s : results) {
      Verdict v = s.monitorVerdicts().get(rule.id());
      if (v == Verdict.PASS || v == Verdict.FAIL) {
        judged++;
      }
      failed |= v == Verdict.FAIL;
      s.evidence().stream().filter(e -> e.ruleId().equals(rule.id())).forEach(evidence::add);
    }
    if (failed) {
      return new RuleResult(rule, Verdict.FAIL, judged, List.copyOf(evidence), null);
    }
    if (judged > 0) {
      return new RuleResult(rule, Verdict.PASS, judged, List.of(), null);
    }
    return new RuleResult(rule, Verdict.NOT_EXERCISED, 0, List.of(),
        "no scenario exercised it (" + results.size() + " scenarios ran)");
  }
}
