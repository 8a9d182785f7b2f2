package dev.chimney.cli;

import dev.chimney.rules.Rule;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The link between rule IDs and Gherkin tags: a scenario tagged {@code @DSC-3} exercises rule
 * DSC-3. Pure functions, any thread.
 */
final class RuleTags {
  private RuleTags() {}

  /** A rule ID as the catalogue writes them: three capitals, a dash, a number. */
  static final Pattern RULE_ID = Pattern.compile("[A-Z]{3}-\\d+");

  /**
   * The scenarios of some rules, as the two tag languages of a run write them.
   *
   * @param ruleIds the rule IDs, in selection order, each once; never empty
   */
  record Selection(List<String> ruleIds) {
    /** Cucumber's tag expression: "@DSC-3 or @TOC-1". */
    String cucumberExpression() {
      return ruleIds.stream().map(id -> "@" + id).collect(Collectors.joining(" or "));
    }

    /** The JUnit Platform's, whose tags are Cucumber's without the '@': "DSC-3 | TOC-1". */
    String junitExpression() {
      return String.join(" | ", ruleIds);
    }
  }

  /**
   * The selection of the scenarios of any of the rules.
   *
   * @throws IllegalArgumentException for an empty list: a run must select something
   */
  static Selection select(List<Rule> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("no rule selected");
    }
    return new Selection(rules.stream().map(Rule::id).distinct().toList());
  }

  /** The rule IDs among tags written with or without their '@', in the order given. */
  static List<String> ruleIds(Collection<String> tags) {
    return tags.stream()
        .map(t -> t.startsWith("@") ? t.substring(1) : t)
        .filter(t -> RULE_ID.matcher(t).matches())
        .distinct()
        .toList();
  }
}
