package dev.chimney.report;

import dev.chimney.rules.Certification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every report of a run into its output folder. Called once per run by {@code certify},
 * on the main thread, after the Cucumber launcher is done.
 */
public final class Reports {
  /** The machine-readable summary, in the output folder. */
  public static final String JSON_FILE = "certification.json";
  /** The human-readable summary, in the output folder. */
  public static final String MARKDOWN_FILE = "certification.md";
  /** The folder of the single-file Allure page, in the output folder. */
  public static final String ALLURE_REPORT_DIR = "allure-report";

  private Reports() {}

  /**
   * Writes {@code certification.json}, {@code certification.md} and {@code allure-report/index.html}
   * (from the Allure results in {@code allureResults}) into {@code outDir}.
   *
   * <p>The JSON and Markdown are written first and always; a failure to generate the Allure page
   * is not thrown but returned as one line in {@link WrittenReports#allureProblem()}, so the
   * certification still stands. Before generating, {@code categories.json} and {@code
   * environment.properties} are added to {@code allureResults} (see {@link AllureRunMetadata}),
   * and one result per rule (see {@link AllureRuleVerdicts}).
   *
   * @param certification the run's result, not null
   * @param outDir the output folder, created when missing
   * @param allureResults the Allure results the Cucumber run wrote; null or missing when there are none
   * @return what was written, and why the Allure page is missing if it is
   * @throws IOException when the JSON or the Markdown cannot be written
   */
  public static WrittenReports writeAll(Certification certification, Path outDir, Path allureResults)
      throws IOException {
    Files.createDirectories(outDir);
    Path json = CertificationJson.write(certification, outDir, outDir.resolve(JSON_FILE));
    Path markdown = CertificationMarkdown.write(certification, outDir.resolve(MARKDOWN_FILE));
    if (allureResults == null || !Files.isDirectory(allureResults)) {
      return new WrittenReports(json, markdown, null,
          "Allure report not generated: no Allure results folder at " + allureResults);
    }
    try {
      AllureRunMetadata.write(certification, allureResults);
      AllureRuleVerdicts.write(certification, allureResults, System.currentTimeMillis());
      Path page = AllureHtmlReport.generate(allureResults, outDir.resolve(ALLURE_REPORT_DIR),
          "chimney: " + certification.target());
      return new WrittenReports(json, markdown, page, null);
    } catch (IOException | RuntimeException e) {
      // The generator throws its own unchecked ReportGenerationException; whatever it throws, the
      // certification files above are already complete, so the failure is reported, not raised.
      return new WrittenReports(json, markdown, null, "Allure report not generated: " + oneLine(e));
    }
  }

  private static String oneLine(Throwable e) {
    StringBuilder line = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    if (e.getCause() != null && e.getCause() != e) {
      line.append(" (").append(e.getCause().getClass().getSimpleName()).append(": ")
          .append(e.getCause().getMessage()).append(')');
    }
    return line.toString().replaceAll("\\s*\\R\\s*", " ");
  }
}
