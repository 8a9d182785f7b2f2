package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.Certification;
import dev.chimney.rules.Level;
import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.Capability;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last lines of certify: counts, the certification and where the reports are. */
class CertificationSummaryTest {
  private static final Path OUT = Path.of("/tmp/reports/reference-nic");

  @Test
  void countsScenariosAndVerdicts() {
    String out = print(new Certification("reference-nic", false,
        List.of(result("DSC-3", Level.REQUIRED, Verdict.FAIL), result("DSC-4", Level.REQUIRED, Verdict.PASS),
            result("FWD-1", Level.OPTIONAL, Verdict.NOT_APPLICABLE)),
        List.of(scenario(ScenarioResult.Status.PASSED), scenario(ScenarioResult.Status.FAILED),
            scenario(ScenarioResult.Status.PASSED))));

    assertThat(out).as("summary%n%s", out).contains(
        "scenarios: 2 passed, 1 failed, 0 skipped",
        "rules:     1 PASS, 1 FAIL, 0 NOT_EXERCISED, 1 NOT_APPLICABLE",
        "reports:   " + OUT);
  }

  @Test
  void notCertifiedNamesTheRequiredRulesNotPassing() {
    String out = print(new Certification("reference-nic", false,
        List.of(result("DSC-3", Level.REQUIRED, Verdict.FAIL), result("TOC-1", Level.REQUIRED, Verdict.NOT_EXERCISED),
            result("FWD-1", Level.OPTIONAL, Verdict.NOT_APPLICABLE)),
        List.of()));

    assertThat(out).as("summary%n%s", out)
        .contains("certified: no, rules in the way: DSC-3, TOC-1 (target reference-nic)");
  }

  @Test
  void manyRulesNotPassingAreCountedBeyondTheFirstFew() {
    List<RuleResult> results = new ArrayList<>();
    for (int i = 1; i <= CertificationSummary.NAMED_RULES + 3; i++) {
      results.add(result("TOC-" + i, Level.REQUIRED, Verdict.NOT_EXERCISED));
    }
    String out = print(new Certification("reference-nic", false, results, List.of()));

    assertThat(out).as("summary%n%s", out)
        .contains("TOC-1, TOC-2", "TOC-" + CertificationSummary.NAMED_RULES + " and 3 more (target reference-nic)")
        .doesNotContain("TOC-" + (CertificationSummary.NAMED_RULES + 1));
  }

  @Test
  void certifiedSaysYes() {
    String out = print(new Certification("reference-nic", true,
        List.of(result("DSC-3", Level.REQUIRED, Verdict.PASS)), List.of(scenario(ScenarioResult.Status.PASSED))));

    assertThat(out).as("summary%n%s", out).contains("certified: yes (target reference-nic)");
  }

  private static String print(Certification certification) {
    StringWriter out = new StringWriter();
    CertificationSummary.print(certification, OUT, new PrintWriter(out));
    return out.toString();
  }

  private static RuleResult result(String id, Level level, Verdict verdict) {
    Rule rule = new Rule(id, "Area", "Text.", Set.of("target"), Set.of("api"), level,
        level == Level.OPTIONAL ? Capability.FORWARD : null);
    return new RuleResult(rule, verdict, 1, List.of(), null);
  }

  private static ScenarioResult scenario(ScenarioResult.Status status) {
    return new ScenarioResult("A scenario", "features/a.feature:3", List.of("DSC-3"), status, null, Map.of(),
        List.of(), null, null, 0);
  }
}
