package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.Level;
import dev.chimney.rules.Rule;
import dev.chimney.spi.Capability;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code chimney rules}, in process, over fixture rules and the fixture features: the command's
 * behaviour, whatever the shipped catalogue holds.
 */
class RulesCommandTest {
  private static final List<Rule> RULES = List.of(
      rule("TRM-4", "host", null),
      rule("DSC-3", "target", null),
      rule("FWD-1", "target", Capability.FORWARD));

  private static CliRun rules(String... args) {
    return CliRun.runWithRules(new RulesCommand(() -> RULES, "cli-features"), args);
  }

  @Test
  void listsEveryRuleInCatalogueOrder() {
    CliRun run = rules("rules");

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isZero();
    assertThat(run.out().lines().filter(l -> !l.startsWith(" ") && !l.isEmpty()).map(l -> l.split(" ")[0]))
        .as("rule headers%n%s", run.transcript())
        .containsExactly("TRM-4", "DSC-3", "FWD-1");
  }

  @Test
  void oneIdShowsThatRuleAndItsScenarios() {
    CliRun run = rules("rules", "DSC-3");

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isZero();
    assertThat(run.out()).as("rules DSC-3%n%s", run.transcript())
        .startsWith("DSC-3  required")
        .contains("cli-features/disconnect.feature:6  Graceful disconnect with data outstanding")
        .doesNotContain("TRM-4", "FWD-1");
  }

  @Test
  void idsAreMatchedWhateverTheirCase() {
    CliRun run = rules("rules", "fwd-1");

    assertThat(run.out()).as("rules fwd-1%n%s", run.transcript()).startsWith("FWD-1  optional");
  }

  @Test
  void unknownIdIsAOneLineUserError() {
    CliRun run = rules("rules", "XYZ-9");

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(run.errLines()).as("stderr%n%s", run.transcript()).containsExactly(
        "chimney: unknown rule 'XYZ-9' (IDs look like DSC-3; 'chimney rules' lists them)");
  }

  private static Rule rule(String id, String binds, Capability requires) {
    return new Rule(id, "Area", "The text of " + id + ".", Set.of(binds), Set.of("api"),
        requires == null ? Level.REQUIRED : Level.OPTIONAL, requires);
  }
}
