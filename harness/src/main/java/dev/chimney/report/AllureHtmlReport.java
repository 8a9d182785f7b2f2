package dev.chimney.report;

import io.qameta.allure.ConfigurationBuilder;
import io.qameta.allure.Extension;
import io.qameta.allure.ReportGenerator;
import io.qameta.allure.allure1.Allure1Plugin;
import io.qameta.allure.allure2.Allure2Plugin;
import io.qameta.allure.category.CategoriesPlugin;
import io.qameta.allure.category.CategoriesTrendPlugin;
import io.qameta.allure.core.AttachmentsPlugin;
import io.qameta.allure.core.MarkdownDescriptionsPlugin;
import io.qameta.allure.core.TestsResultsPlugin;
import io.qameta.allure.duration.DurationPlugin;
import io.qameta.allure.duration.DurationTrendPlugin;
import io.qameta.allure.environment.Allure1EnvironmentPlugin;
import io.qameta.allure.executor.ExecutorPlugin;
import io.qameta.allure.history.HistoryPlugin;
import io.qameta.allure.history.HistoryTrendPlugin;
import io.qameta.allure.launch.LaunchPlugin;
import io.qameta.allure.owner.OwnerPlugin;
import io.qameta.allure.retry.RetryPlugin;
import io.qameta.allure.retry.RetryTrendPlugin;
import io.qameta.allure.severity.SeverityPlugin;
import io.qameta.allure.status.StatusChartPlugin;
import io.qameta.allure.suites.SuitesPlugin;
import io.qameta.allure.summary.SummaryPlugin;
import io.qameta.allure.tags.TagsPlugin;
import io.qameta.allure.timeline.TimelinePlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Generates the Allure HTML report in-process as one self-contained {@code index.html}: the web
 * app (scripts, styles, icon) and every report data file are inlined, so the page opens from disk
 * with nothing installed and nothing served. This is the {@code --single-file} mode of
 * allure-commandline, driven through {@link ReportGenerator#generateSingleFile}; the web app comes
 * from the allure-generator jar on the classpath.
 */
final class AllureHtmlReport {
  static final String INDEX = "index.html";

  /**
   * The page template loads Google's tag manager unless the ALLURE_NO_ANALYTICS environment
   * variable is set, which a running JVM cannot set for itself. A certification report opened
   * from disk has no business calling out, so the loader is cut from the page.
   */
  private static final Pattern ANALYTICS_LOADER =
      Pattern.compile("<script async src=\"https://www\\.googletagmanager\\.com/[^\"]*\"></script>\\s*");

  /**
   * The generator's own extensions, as in {@code ConfigurationBuilder.useDefault()} minus those
   * that reach outside the report: the Google Analytics ping (GaPlugin) and the mail, InfluxDB and
   * Prometheus exports nobody reads here. New instances per run: some plugins keep state.
   */
  private static List<Extension> extensions() {
    return List.of(new MarkdownDescriptionsPlugin(), new TagsPlugin(), new RetryPlugin(), new RetryTrendPlugin(),
        new SeverityPlugin(), new OwnerPlugin(), new HistoryPlugin(), new HistoryTrendPlugin(),
        new CategoriesPlugin(), new CategoriesTrendPlugin(), new DurationPlugin(), new DurationTrendPlugin(),
        new StatusChartPlugin(), new TimelinePlugin(), new SuitesPlugin(), new TestsResultsPlugin(),
        new AttachmentsPlugin(), new SummaryPlugin(), new ExecutorPlugin(), new LaunchPlugin(),
        new Allure1Plugin(), new Allure1EnvironmentPlugin(), new Allure2Plugin());
  }

  private AllureHtmlReport() {}

  /**
   * Writes {@code reportDir/index.html} from the results in {@code allureResults}.
   *
   * @return the page
   * @throws io.qameta.allure.ReportGenerationException (unchecked) when the generator fails
   */
  static Path generate(Path allureResults, Path reportDir, String reportName) throws IOException {
    ReportGenerator generator = new ReportGenerator(
        ConfigurationBuilder.empty().withExtensions(extensions()).withReportName(reportName).build());
    generator.generateSingleFile(reportDir, List.of(allureResults));
    Path index = reportDir.resolve(INDEX);
    String page = Files.readString(index, StandardCharsets.UTF_8);
    Files.writeString(index, ANALYTICS_LOADER.matcher(page).replaceAll(""), StandardCharsets.UTF_8);
    return index;
  }
}
