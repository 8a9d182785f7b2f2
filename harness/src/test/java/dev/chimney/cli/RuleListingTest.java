package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.Level;
import dev.chimney.rules.Rule;
import dev.chimney.spi.Capability;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code chimney rules} prints for each rule, against the fixture features. */
class RuleListingTest {
  private static final String LONG_TEXT = "Segments that arrive for a connection while its termination is in progress "
      + "are not processed by the target: they reach the host through the ordinary (non-offload) receive path "
      + "and are not acknowledged by the target.";

  private final RuleListing listing =
      new RuleListing(ScenarioIndex.fromClassPath(RuleListingTest.class.getClassLoader(), "cli-features"));

  @Test
  void headerSaysIdLevelBindsAndWhereItShows() {
    String out = print(rule("DSC-3", Level.REQUIRED, null, "target"));

    assertThat(out.lines().findFirst()).as("header of DSC-3 in%n%s", out)
        .contains("DSC-3  required  binds: target  seen on: api, wire");
  }

  @Test
  void anOptionalRuleNamesTheCapabilityItNeeds() {
    String out = print(rule("FWD-1", Level.OPTIONAL, Capability.FORWARD, "target"));

    assertThat(out.lines().findFirst()).as("header of FWD-1 in%n%s", out).get().asString()
        .contains("optional", "needs: FORWARD");
  }

  @Test
  void textIsWrappedAndIndented() {
    String out = print(rule("TOC-10", Level.REQUIRED, null, "target"));

    List<String> text = out.lines().skip(1).takeWhile(l -> !l.strip().startsWith("scenarios")).toList();
    assertThat(text).as("text lines of TOC-10 in%n%s", out).hasSizeGreaterThan(1)
        .allSatisfy(line -> assertThat(line).startsWith("    ").hasSizeLessThanOrEqualTo(4 + RuleListing.TEXT_WIDTH));
    assertThat(String.join(" ", text.stream().map(String::strip).toList())).as("text of TOC-10").isEqualTo(LONG_TEXT);
  }

  @Test
  void listsTheScenariosThatExerciseTheRule() {
    String out = print(rule("DSC-3", Level.REQUIRED, null, "target"));

    assertThat(out).as("scenarios of DSC-3 in%n%s", out).contains(
        "      cli-features/disconnect.feature:6  Graceful disconnect with data outstanding",
        "      cli-features/disconnect.feature:15  Terminate after <n> sends");
  }

  @Test
  void saysPlainlyWhenNoScenarioExercisesTheRule() {
    String out = print(rule("PAR-4", Level.REQUIRED, null, "target"));

    assertThat(out).as("scenarios of PAR-4 in%n%s", out).contains("    scenarios: none");
  }

  @Test
  void rulesAreSeparatedByABlankLine() {
    StringWriter out = new StringWriter();
    listing.print(List.of(rule("DSC-3", Level.REQUIRED, null, "target"), rule("TRM-4", Level.REQUIRED, null, "host")),
        new PrintWriter(out));

    assertThat(out.toString()).as("listing of DSC-3 and TRM-4").contains("\n\nTRM-4  required  binds: host");
  }

  private String print(Rule rule) {
    StringWriter out = new StringWriter();
    listing.print(List.of(rule), new PrintWriter(out));
    return out.toString();
  }

  private static Rule rule(String id, Level level, Capability requires, String binds) {
    return new Rule(id, "Area", LONG_TEXT, Set.of(binds), new LinkedHashSet<>(List.of("api", "wire")), level, requires);
  }
}
