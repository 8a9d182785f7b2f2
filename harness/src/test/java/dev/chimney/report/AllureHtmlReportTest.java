package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.rules.Certification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-file page: Allure inlines the web app as data: URLs and each report data file as a
 * base64 string handed to {@code d('path','base64')}; the tests decode those to see the scenarios.
 */
class AllureHtmlReportTest {
  /** One inlined report data file in the page. */
  private static final Pattern DATA_FILE = Pattern.compile("d\\('([^']+)','([A-Za-z0-9+/=]*)'\\)");
  /** A src or href attribute, to find anything the page would fetch. */
  private static final Pattern FETCHED = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

  @TempDir Path outDir;
  @TempDir Path results;
  private Path reportDir;
  private String page;

  @BeforeEach
  void generate() throws IOException {
    Certification certification = ReportFixtures.certification(outDir);
    AllureResultsFixture.write(certification, results);
    reportDir = outDir.resolve("allure-report");
    Path index = AllureHtmlReport.generate(results, reportDir, "chimney: " + certification.target());
    page = Files.readString(index, StandardCharsets.UTF_8);
  }

  @Test
  void pageIsTheOnlyFileAndFetchesNothing() throws IOException {
    try (Stream<Path> files = Files.list(reportDir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("files in allure-report/").containsExactly("index.html");
    }
    Matcher fetched = FETCHED.matcher(page);
    while (fetched.find()) {
      assertThat(fetched.group(1)).as("every src/href is inlined").startsWith("data:");
    }
    assertThat(page).as("analytics loader").doesNotContain("googletagmanager");
    assertThat(page).contains("<title>chimney: " + ReportFixtures.TARGET + "</title>");
  }

  @Test
  void pageCarriesEveryScenarioWithItsStatus() {
    String testCases = dataFiles().entrySet().stream().filter(e -> e.getKey().startsWith("data/test-cases/"))
        .map(Map.Entry::getValue).reduce("", String::concat);
    assertThat(testCases).as("inlined test cases")
        .contains("\"name\":\"" + ReportFixtures.PASSED_SCENARIO + "\"")
        .contains("\"name\":\"" + ReportFixtures.FAILED_SCENARIO + "\"")
        .contains("\"name\":\"" + ReportFixtures.SKIPPED_SCENARIO + "\"")
        .contains("\"status\":\"failed\"")
        .contains("\"statusMessage\":\"" + ReportFixtures.RST_EVIDENCE.message());
  }

  @Test
  void pageCarriesTheCaptureAndTheRuleCategory() throws IOException {
    AllureRunMetadata.write(ReportFixtures.certification(outDir), results);
    page = Files.readString(AllureHtmlReport.generate(results, reportDir, "again"), StandardCharsets.UTF_8);
    Map<String, String> data = dataFiles();
    JsonNode capture = attachmentOnPageOf(data, ReportFixtures.FAILED_SCENARIO, "capture upload-half-close.pcapng");
    assertThat(data.get("data/attachments/" + capture.path("source").asText())).as("inlined capture")
        .isEqualTo(ReportFixtures.CAPTURE_BYTES);
    assertThat(data.get("data/categories.json")).as("categories tree").contains("DSC-3 (Disconnect)")
        .contains(ReportFixtures.FAILED_SCENARIO);
    assertThat(data.get("widgets/environment.json")).as("environment widget").contains(ReportFixtures.TARGET);
  }

  /**
   * The attachment named {@code name} among those the scenario's page shows: its own, its steps',
   * and its set-up and tear-down fixtures' (the After hook's attachments are under tear-down).
   */
  private static JsonNode attachmentOnPageOf(Map<String, String> data, String scenario, String name)
      throws IOException {
    for (Map.Entry<String, String> file : data.entrySet()) {
      if (!file.getKey().startsWith("data/test-cases/")) {
        continue;
      }
      JsonNode testCase = new ObjectMapper().readTree(file.getValue());
      if (testCase.path("name").asText().equals(scenario)) {
        for (JsonNode attachment : testCase.findValues("attachments")) {
          for (JsonNode a : attachment) {
            if (a.path("name").asText().equals(name)) {
              return a;
            }
          }
        }
        throw new AssertionError("no attachment '" + name + "' on the page of '" + scenario + "': " + testCase);
      }
    }
    throw new AssertionError("no test case '" + scenario + "' in the page");
  }

  private Map<String, String> dataFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher entry = DATA_FILE.matcher(page);
    while (entry.find()) {
      files.put(entry.group(1), new String(Base64.getDecoder().decode(entry.group(2)), StandardCharsets.UTF_8));
    }
    assertThat(files).as("inlined report data files").isNotEmpty();
    return files;
  }
}
