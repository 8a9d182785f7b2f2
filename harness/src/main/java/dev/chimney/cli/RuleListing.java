package dev.chimney.cli;

import dev.chimney.rules.Rule;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints rules for {@code chimney rules}: the header line (ID, level, who it binds, where it
 * shows, the capability it needs), the text wrapped, then the scenarios that exercise it.
 */
final class RuleListing {
  /** Width of the wrapped rule text, indent excluded: fits an 80-column terminal. */
  static final int TEXT_WIDTH = 74;
  private static final String INDENT = "    ";

  private final ScenarioIndex scenarios;

  RuleListing(ScenarioIndex scenarios) {
    this.scenarios = scenarios;
  }

  /** Prints each rule, a blank line between two. */
  void print(List<Rule> rules, PrintWriter out) {
    for (int i = 0; i < rules.size(); i++) {
      if (i > 0) {
        out.println();
      }
      print(rules.get(i), out);
    }
    out.flush();
  }

  private void print(Rule rule, PrintWriter out) {
    StringBuilder header = new StringBuilder(rule.id())
        .append("  ").append(rule.level().label())
        .append("  binds: ").append(String.join(", ", rule.binds()))
        .append("  seen on: ").append(String.join(", ", rule.seenOn()));
    if (rule.requires() != null) {
      header.append("  needs: ").append(rule.requires().name());
    }
    out.println(header);
    TextWrap.wrap(rule.text(), TEXT_WIDTH).forEach(line -> out.println(INDENT + line));
    List<ScenarioIndex.Entry> exercising = scenarios.exercising(rule.id());
    if (exercising.isEmpty()) {
      out.println(INDENT + "scenarios: none");
      return;
    }
    out.println(INDENT + "scenarios:");
    for (ScenarioIndex.Entry scenario : exercising) {
      out.println(INDENT + "  " + scenario.location() + "  " + scenario.name());
    }
  }
}
