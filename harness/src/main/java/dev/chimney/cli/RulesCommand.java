package dev.chimney.cli;

import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleCatalogue;
import java.util.List;
import java.util.function.Supplier;
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

  private final Supplier<List<Rule>> catalogue;
  private final String featuresRoot;

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "Show only this rule, e.g. DSC-3.")
  private String id;

  /** The shipped catalogue and features. */
  RulesCommand() {
    this(() -> RuleCatalogue.load().rules(), FEATURES);
  }

  /**
   * Other rules and features: what tests use, so that they hold whatever the catalogue says.
   *
   * @param catalogue the rules, in catalogue order; called once per run of the command
   * @param featuresRoot the class path folder of the feature files
   */
  RulesCommand(Supplier<List<Rule>> catalogue, String featuresRoot) {
    this.catalogue = catalogue;
    this.featuresRoot = featuresRoot;
  }

  @Override
  public void run() {
    List<Rule> rules = catalogue.get();
    if (id != null) {
      rules = List.of(rules.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst()
          .orElseThrow(() -> new UserError("unknown rule '" + id + "' (IDs look like DSC-3; 'chimney rules' lists them)")));
    }
    ScenarioIndex scenarios = ScenarioIndex.fromClassPath(Thread.currentThread().getContextClassLoader(), featuresRoot);
    new RuleListing(scenarios).print(rules, spec.commandLine().getOut());
  }
}
