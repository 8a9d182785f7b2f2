package dev.chimney.report;

import dev.chimney.rules.Certification;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.ScenarioResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Writes {@code certification.md}: a heading saying whether the target is certified, then one
 * table row per catalogue rule, in catalogue order. Meant for a CI job summary or a pull request,
 * so cells are escaped for GitHub-flavoured Markdown.
 */
final class CertificationMarkdown {
  static final String CERTIFIED = "CERTIFIED";
  static final String NOT_CERTIFIED = "NOT CERTIFIED";
  /** Joins several evidence messages inside one table cell, where a newline would end the row. */
  static final String CELL_LINE_BREAK = "<br>";

  private CertificationMarkdown() {}

  static Path write(Certification certification, Path file) throws IOException {
    Files.writeString(file, render(certification), StandardCharsets.UTF_8);
    return file;
  }

  static String render(Certification certification) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(escape(certification.target())).append(": ")
        .append(certification.certified() ? CERTIFIED : NOT_CERTIFIED).append("\n\n");
    md.append("Scenarios: ").append(scenarioCounts(certification)).append(".\n\n");
    md.append("| rule | level | verdict | scenarios | evidence |\n");
    md.append("|---|---|---|---|---|\n");
    for (RuleResult result : certification.rules()) {
      md.append("| ").append(escape(result.rule().id()))
          .append(" | ").append(result.rule().level().label())
          .append(" | ").append(result.verdict())
          .append(" | ").append(result.scenarios())
          .append(" | ").append(evidenceCell(result))
          .append(" |\n");
    }
    return md.toString();
  }

  /** "12 run, 10 passed, 1 failed, 1 skipped": the scenario line of this page and of Allure's Environment widget. */
  static String scenarioCounts(Certification certification) {
    return certification.scenarios().size() + " run, "
        + certification.count(ScenarioResult.Status.PASSED) + " passed, "
        + certification.count(ScenarioResult.Status.FAILED) + " failed, "
        + certification.count(ScenarioResult.Status.SKIPPED) + " skipped";
  }

  /** The FAIL messages, or the reason a rule was not judged; empty for PASS. */
  private static String evidenceCell(RuleResult result) {
    return switch (result.verdict()) {
      case FAIL -> result.evidence().stream().map(Evidence::message).map(CertificationMarkdown::escape)
          .collect(Collectors.joining(CELL_LINE_BREAK));
      case NOT_APPLICABLE, NOT_EXERCISED -> result.reason() == null ? "" : escape(result.reason());
      case PASS -> "";
    };
  }

  /**
   * Makes text safe inside a table cell: a pipe would split the cell, a newline would end the row,
   * and '<' would start an HTML tag ("seq<1001" is evidence, not markup).
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("|", "\\|").replaceAll("\\R", CELL_LINE_BREAK);
  }
}
