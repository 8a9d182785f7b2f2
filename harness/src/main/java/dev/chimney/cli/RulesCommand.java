package dev.chimney.cli;

import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleCatalogue;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chimney rules [ID]}: the catalogue, each rule with the scenarios that exercise it. */
@Command(name = "rules",
    description = "Prints the rule catalogue and, under each rule, the scenarios tagged with its ID.")
final class RulesCommand implements Runnable {
  /** The class path folder the harness jar ships the feature files in. */
  static final String FEATURES = "features";

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "Show only this rule, e.g. DSC-3.")
  private String id;

  @Override
  public void run() {
    RuleCatalogue catalogue = RuleCatalogue.load();
    List<Rule> rules = id == null
        ? catalogue.rules()
        : List.of(catalogue.find(id).orElseThrow(() -> new UserError(
            "unknown rule '" + id + "' (IDs look like DSC-3; 'chimney rules' lists them)")));
    ScenarioIndex scenarios = ScenarioIndex.fromClassPath(Thread.currentThread().getContextClassLoader(), FEATURES);
    new RuleListing(scenarios).print(rules, spec.commandLine().getOut());
  }
}
