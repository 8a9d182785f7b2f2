package dev.chimney.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.TargetRegistry;
import dev.chimney.rules.Level;
import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleCatalogue;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The harness against targets of known conformance, through {@code chimney certify} in-process:
 * the reference NIC is certified, and every faulty target FAILs the rule it breaks, with evidence
 * naming the rule and a packet or event, and no other rule unless {@link KnownCollateral} says why.
 *
 * <p>Rules the reference NIC itself FAILs in the same run are monitor bugs of the harness (being
 * fixed elsewhere when this was written: TRM-7 and FWD-3): they are not held against a faulty
 * target, and a faulty target for such a rule must show evidence the reference run did not.
 */
class FaultyTargetsTest {
  /** Where the runs write their reports, one folder per target. */
  private static final Path OUT = Path.of("target", "meta");
  /** Evidence cites a capture packet or an event of the log. */
  private static final Pattern EVIDENCE = Pattern.compile("(packet \\d+|event #\\d+)");

  private static RuleCatalogue catalogue;
  private static CertifyRun reference;

  @BeforeAll
  static void certifyReferenceNic() {
    catalogue = RuleCatalogue.load();
    reference = CertifyRun.of("reference-nic", OUT.resolve("reference-nic"), null);
  }

  @Test
  void referenceNicPassesEveryRequiredRule() {
    List<String> notPassed = catalogue.rules().stream()
        .filter(r -> r.level() == Level.REQUIRED)
        .map(Rule::id)
        .filter(id -> !"PASS".equals(reference.verdicts().get(id)))
        .toList();
    assertThat(notPassed).as(reference.summary()).isEmpty();
    assertThat(reference.exitCode()).as(reference.console()).isZero();
  }

  @Test
  void everyRuleBindingTheTargetHasAFaultyTarget() {
    Set<String> covered = new HashSet<>();
    faultyTargets().forEach(name -> covered.add(ruleOf(name)));
    List<String> missing = catalogue.rules().stream().filter(Rule::bindsTarget).map(Rule::id)
        .filter(id -> !covered.contains(id)).toList();
    assertThat(missing).as("target rules without a faulty target").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyFaultyTargetFailsItsRuleAndNoOther() {
    return faultyTargets().stream().map(name -> DynamicTest.dynamicTest(name, () -> judge(name)));
  }

  private static void judge(String target) {
    CertifyRun run = CertifyRun.of(target, OUT.resolve(target.replace(':', '_')), null);
    String rule = ruleOf(target);
    String miss = KnownMisses.BY_TARGET.get(target);
    List<String> ownEvidence = run.evidence().get(rule).stream()
        .filter(m -> !reference.evidence().get(rule).contains(m))
        .toList();
    if (miss != null) {
      assertThat(ownEvidence).as("known miss, now caught: remove it from KnownMisses (%s)", miss).isEmpty();
      return;
    }
    assertThat(run.verdicts().get(rule)).as(run.summary()).isEqualTo("FAIL");
    assertThat(ownEvidence).as("%s evidence of its own, not the reference run's\n%s", rule, run.summary())
        .anySatisfy(m -> assertThat(m).startsWith(rule + ": expected ").containsPattern(EVIDENCE));
    for (String other : run.failed()) {
      if (!other.equals(rule) && !reference.failed().contains(other)) {
        assertThat(KnownCollateral.reason(target, other))
            .as("%s FAILs %s too, which KnownCollateral does not explain\n%s", target, other, run.summary())
            .isNotNull();
      }
    }
    boolean required = catalogue.find(rule).map(r -> r.level() == Level.REQUIRED).orElse(false);
    if (required) {
      assertThat(run.exitCode()).as("exit code of certify\n%s", run.console()).isEqualTo(1);
    }
  }

  /** Every faulty target on the class path, by name. */
  private static List<String> faultyTargets() {
    return TargetRegistry.discover(List.of()).targets().stream()
        .map(found -> found.provider().name())
        .filter(name -> name.startsWith("faulty:"))
        .toList();
  }

  /** "DSC-3" of "faulty:DSC-3" and of "faulty:DSC-3:after-peer-fin". */
  private static String ruleOf(String target) {
    return target.split(":")[1];
  }
}
