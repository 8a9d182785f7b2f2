package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.rules.Certification;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  /**
   * The end-to-end run writes where a person can open it after {@code mvn test}:
   * harness/target/report-fixture/faulty-rst-nic/allure-report/index.html.
   */
  private static final Path FIXTURE_OUT = Path.of("target", "report-fixture", ReportFixtures.TARGET);

  @TempDir Path scratch;

  @Test
  void writesEveryReportIntoTheOutputFolder() throws IOException {
    deleteRecursively(FIXTURE_OUT);
    Certification certification = ReportFixtures.certification(FIXTURE_OUT);
    Path results = FIXTURE_OUT.resolve("allure-results");
    AllureResultsFixture.write(certification, results);

    WrittenReports written = Reports.writeAll(certification, FIXTURE_OUT, results);

    assertThat(written.problem()).as("Allure problem").isEmpty();
    assertThat(written.json()).isEqualTo(FIXTURE_OUT.resolve("certification.json")).isRegularFile();
    assertThat(written.markdown()).isEqualTo(FIXTURE_OUT.resolve("certification.md")).isRegularFile();
    assertThat(written.allureReport()).isEqualTo(FIXTURE_OUT.resolve("allure-report/index.html")).isRegularFile();
    assertThat(Files.readString(written.allureReport())).as("Allure page carries the fixture's data")
        .contains("data:text/javascript");
  }

  @Test
  void addsRuleCategoriesAndEnvironmentToTheAllureResults() throws IOException {
    Certification certification = ReportFixtures.certification(scratch);
    Path results = Files.createDirectories(scratch.resolve("allure-results"));
    Reports.writeAll(certification, scratch, results);

    JsonNode categories = new ObjectMapper().readTree(results.resolve("categories.json").toFile());
    assertThat(categories).extracting(c -> c.path("name").asText())
        .containsExactly("DSC-3 (Disconnect)", "TOC-1 (Terminate completion)", "FWD-1 (Forwarding)",
            "TRM-8 (Terminate request)");
    String dsc3Regex = categories.get(0).path("messageRegex").asText();
    assertThat(ReportFixtures.RST_EVIDENCE.message()).as("DSC-3 category matches its message").matches(dsc3Regex);
    assertThat("TOC-1: expected one completion, actual two\n" + ReportFixtures.RST_EVIDENCE.message())
        .as("DSC-3 category matches a later line").matches(dsc3Regex);
    assertThat("DSC-30: expected x, actual y; event 3").as("DSC-3 category ignores DSC-30")
        .doesNotMatch(dsc3Regex);

    Properties environment = new Properties();
    environment.load(new StringReader(Files.readString(results.resolve("environment.properties"))));
    assertThat(environment.getProperty("target")).isEqualTo(ReportFixtures.TARGET);
    assertThat(environment.getProperty("certification")).isEqualTo("NOT CERTIFIED");
    assertThat(environment.getProperty("rules")).isEqualTo("PASS 1, FAIL 1, NOT_EXERCISED 1, NOT_APPLICABLE 1");
  }

  @Test
  void missingAllureResultsCostNothingButThePage() throws IOException {
    Certification certification = ReportFixtures.certification(scratch);
    WrittenReports written = Reports.writeAll(certification, scratch, scratch.resolve("no-such-results"));

    assertThat(written.json()).isRegularFile();
    assertThat(written.markdown()).isRegularFile();
    assertThat(written.allureReport()).isNull();
    assertThat(written.problem()).get().asString().contains("no Allure results folder").doesNotContain("\n");
  }

  @Test
  void failingGenerationIsOneLineAndTheCertificationStands() throws IOException {
    Certification certification = ReportFixtures.certification(scratch);
    Path results = Files.createDirectories(scratch.resolve("allure-results"));
    AllureResultsFixture.write(certification, results);
    // A file where the report folder must go: the generator cannot create allure-report/.
    Files.writeString(scratch.resolve(Reports.ALLURE_REPORT_DIR), "in the way");

    WrittenReports written = Reports.writeAll(certification, scratch, results);

    assertThat(written.problem()).as("problem line").get().asString()
        .startsWith("Allure report not generated: ").doesNotContain("\n");
    assertThat(written.allureReport()).isNull();
    JsonNode json = new ObjectMapper().readTree(written.json().toFile());
    assertThat(json.path("target").asText()).as("certification.json still complete").isEqualTo(ReportFixtures.TARGET);
    assertThat(Files.readString(written.markdown())).startsWith("# " + ReportFixtures.TARGET + ": NOT CERTIFIED");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}
