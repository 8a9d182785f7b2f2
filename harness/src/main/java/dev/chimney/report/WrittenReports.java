package dev.chimney.report;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link Reports#writeAll} wrote. The certification JSON and Markdown are always there; the
 * Allure page is optional because its generation may fail without costing the certification.
 *
 * @param json {@code certification.json}
 * @param markdown {@code certification.md}
 * @param allureReport {@code allure-report/index.html}, or null when it was not generated
 * @param allureProblem one line saying why the Allure page was not generated, or null when it was
 */
public record WrittenReports(Path json, Path markdown, Path allureReport, String allureProblem) {

  /** The one-line reason the Allure page is missing, empty when it was generated. */
  public Optional<String> problem() {
    return Optional.ofNullable(allureProblem);
  }
}
