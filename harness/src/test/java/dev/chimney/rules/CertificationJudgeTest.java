package dev.chimney.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.Capability;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How scenario verdicts become rule verdicts and the certification. */
class CertificationJudgeTest {
  private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
  private static final Set<Capability> ALL = EnumSet.allOf(Capability.class);

  private static ScenarioResult scenario(String name, Map<String, Verdict> verdicts, List<Evidence> evidence) {
    return new ScenarioResult(name, "features/x.feature:1", List.of(), ScenarioResult.Status.PASSED, null,
        verdicts, evidence, null, null, 0);
  }

  /** Every rule PASS, except those given. */
  private static Map<String, Verdict> allPassExcept(Map<String, Verdict> changes) {
    Map<String, Verdict> v = new LinkedHashMap<>();
    CATALOGUE.rules().forEach(r -> v.put(r.id(), Verdict.PASS));
    v.putAll(changes);
    return v;
  }

  private static RuleResult result(Certification c, String ruleId) {
    return c.rules().stream().filter(r -> r.rule().id().equals(ruleId)).findFirst().orElseThrow();
  }

  @Test
  void everyRulePassingCertifies() {
    Certification c = CertificationJudge.judge("good", ALL, CATALOGUE, List.of(scenario("s1", allPassExcept(Map.of()), List.of())));
    assertThat(c.certified()).isTrue();
    assertThat(c.rules()).hasSize(CATALOGUE.rules().size()).allMatch(r -> r.verdict() == Verdict.PASS);
    assertThat(c.target()).isEqualTo("good");
  }

  @Test
  void oneFailureInAnyScenarioFailsTheRuleWithEvidenceFromEveryScenario() {
    Evidence e1 = new Evidence("DSC-3", "s2", "no RST", "RST", "capture a packet 4");
    Evidence e2 = new Evidence("DSC-3", "s3", "no RST", "RST", "capture b packet 9");
    Certification c = CertificationJudge.judge("bad", ALL, CATALOGUE, List.of(
        scenario("s1", allPassExcept(Map.of()), List.of()),
        scenario("s2", allPassExcept(Map.of("DSC-3", Verdict.FAIL)), List.of(e1)),
        scenario("s3", allPassExcept(Map.of("DSC-3", Verdict.FAIL)), List.of(e2))));
    RuleResult dsc3 = result(c, "DSC-3");
    assertThat(dsc3.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(dsc3.evidence()).containsExactly(e1, e2);
    assertThat(dsc3.scenarios()).isEqualTo(3);
    assertThat(c.certified()).isFalse();
  }

  @Test
  void missingCapabilityIsNotApplicableWithTheReasonAndDoesNotBlockCertification() {
    Set<Capability> noForward = EnumSet.complementOf(EnumSet.of(Capability.FORWARD));
    Certification c = CertificationJudge.judge("t", noForward, CATALOGUE,
        List.of(scenario("s1", allPassExcept(Map.of("FWD-1", Verdict.NOT_APPLICABLE)), List.of())));
    RuleResult fwd1 = result(c, "FWD-1");
    assertThat(fwd1.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    assertThat(fwd1.reason()).contains("FORWARD");
    assertThat(c.certified()).as("optional rules do not block certification").isTrue();
  }

  @Test
  void aFailedOptionalRuleBlocksCertification() {
    // Optional means the target may lack the capability, not that it may declare it and get it wrong.
    Certification c = CertificationJudge.judge("t", ALL, CATALOGUE,
        List.of(scenario("s1", allPassExcept(Map.of("FWD-2", Verdict.FAIL)), List.of())));
    assertThat(result(c, "FWD-2").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(c.certified()).isFalse();
  }

  @Test
  void anOptionalRuleNotExercisedDoesNotBlockCertification() {
    Certification c = CertificationJudge.judge("t", ALL, CATALOGUE,
        List.of(scenario("s1", allPassExcept(Map.of("FWD-2", Verdict.NOT_EXERCISED)), List.of())));
    assertThat(c.certified()).isTrue();
  }

  @Test
  void notApplicableWinsEvenOverAScenarioFailure() {
    Certification c = CertificationJudge.judge("t", Set.of(), CATALOGUE,
        List.of(scenario("s1", allPassExcept(Map.of("PAR-4", Verdict.FAIL)), List.of())));
    assertThat(result(c, "PAR-4").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    assertThat(result(c, "PAR-4").reason()).contains("STATE_TREE");
  }

  @Test
  void requiredRuleNoScenarioExercisedIsNotExercisedAndBlocksCertification() {
    Certification c = CertificationJudge.judge("t", ALL, CATALOGUE, List.of(
        scenario("s1", allPassExcept(Map.of("DSC-9", Verdict.NOT_EXERCISED)), List.of()),
        scenario("s2", Map.of(), List.of())));
    RuleResult dsc9 = result(c, "DSC-9");
    assertThat(dsc9.verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    assertThat(dsc9.reason()).contains("no scenario exercised it");
    assertThat(dsc9.scenarios()).isZero();
    assertThat(c.certified()).isFalse();
  }

  @Test
  void passNeedsOnlyOneExercisingScenario() {
    Certification c = CertificationJudge.judge("t", ALL, CATALOGUE, List.of(
        scenario("s1", Map.of("SND-1", Verdict.NOT_EXERCISED), List.of()),
        scenario("s2", Map.of("SND-1", Verdict.PASS), List.of())));
    RuleResult snd1 = result(c, "SND-1");
    assertThat(snd1.verdict()).isEqualTo(Verdict.PASS);
    assertThat(snd1.scenarios()).isEqualTo(1);
    assertThat(snd1.reason()).isNull();
  }

  @Test
  void rulesComeInCatalogueOrderAndScenariosInRunOrder() {
    ScenarioResult s1 = scenario("s1", Map.of(), List.of());
    ScenarioResult s2 = scenario("s2", Map.of(), List.of());
    Certification c = CertificationJudge.judge("t", ALL, CATALOGUE, List.of(s1, s2));
    assertThat(c.rules().stream().map(r -> r.rule().id())).containsExactlyElementsOf(
        CATALOGUE.rules().stream().map(Rule::id).toList());
    assertThat(c.scenarios()).containsExactly(s1, s2);
  }
}
