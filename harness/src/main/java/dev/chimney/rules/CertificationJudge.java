package dev.chimney.rules;

import dev.chimney.spi.Capability;
import java.util.List;
import java.util.Set;

/** Turns scenario results into per-rule verdicts and the certification. */
public final class CertificationJudge {
  private CertificationJudge() {}

  /**
   * One verdict per catalogue rule: NOT_APPLICABLE when the target lacks the rule's capability,
   * FAIL when any scenario's monitor failed it, PASS when exercised and never failed, else
   * NOT_EXERCISED. Certified when every required rule is PASS.
   */
  public static Certification judge(String target, Set<Capability> capabilities, RuleCatalogue catalogue,
      List<ScenarioResult> results) {
    throw new UnsupportedOperationException("TODO");
  }
}
