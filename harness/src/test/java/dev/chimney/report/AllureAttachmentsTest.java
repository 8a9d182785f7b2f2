package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.rules.Certification;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureAttachmentsTest {
  @TempDir Path outDir;
  @TempDir Path resultsDir;

  @Test
  void failedScenarioGetsCaptureEventLogVerdictsAndRuleLabels() throws IOException {
    Certification certification = ReportFixtures.certification(outDir);
    AllureResultsFixture.write(certification, resultsDir);
    JsonNode failed = resultNamed(ReportFixtures.FAILED_SCENARIO);

    assertThat(labelValues(failed, AllureAttachments.RULE_LABEL)).as("rule labels").containsExactly("TOC-1", "DSC-3");

    JsonNode capture = attachmentNamed(failed, "capture upload-half-close.pcapng");
    assertThat(capture.path("type").asText()).as("capture type").isEqualTo(AllureAttachments.CAPTURE_TYPE);
    assertThat(capture.path("source").asText()).as("capture file name").endsWith(".pcapng");
    assertThat(Files.readString(resultsDir.resolve(capture.path("source").asText()))).as("capture bytes")
        .isEqualTo(ReportFixtures.CAPTURE_BYTES);

    JsonNode eventLog = attachmentNamed(failed, "event log upload-half-close.log");
    assertThat(eventLog.path("type").asText()).isEqualTo("text/plain");
    assertThat(Files.readString(resultsDir.resolve(eventLog.path("source").asText())))
        .isEqualTo(ReportFixtures.EVENT_LOG_TEXT);

    String verdicts = Files.readString(resultsDir.resolve(
        attachmentNamed(failed, AllureAttachments.VERDICTS_NAME).path("source").asText()));
    assertThat(verdicts).as("monitor verdicts attachment").contains("TOC-1  PASS\nDSC-3  FAIL\n")
        .contains(ReportFixtures.RST_EVIDENCE.message());
  }

  @Test
  void scenarioWithoutFilesGetsOnlyTheVerdicts() throws IOException {
    AllureResultsFixture.write(ReportFixtures.certification(outDir), resultsDir);
    JsonNode passed = resultNamed(ReportFixtures.PASSED_SCENARIO);
    assertThat(passed.path("attachments")).extracting(a -> a.path("name").asText())
        .containsExactly(AllureAttachments.VERDICTS_NAME);
  }

  @Test
  void namedButMissingCaptureIsSaidSo() throws IOException {
    Path missing = outDir.resolve("captures/never-written.pcapng");
    ScenarioResult scenario = new ScenarioResult("missing capture", "features/x.feature:1", List.of("DSC-3"),
        ScenarioResult.Status.PASSED, null, Map.of("DSC-3", Verdict.PASS), List.of(), missing, null, 0L);
    AllureResultsFixture.write(new Certification("t", true, List.of(), List.of(scenario)), resultsDir);

    JsonNode note = attachmentNamed(resultNamed("missing capture"), "capture (missing)");
    assertThat(Files.readString(resultsDir.resolve(note.path("source").asText()), StandardCharsets.UTF_8))
        .contains("never-written.pcapng");
  }

  private JsonNode resultNamed(String name) throws IOException {
    List<JsonNode> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(resultsDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        results.add(new ObjectMapper().readTree(file.toFile()));
      }
    }
    return results.stream().filter(r -> r.path("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no Allure result named '" + name + "' among " + results.size()));
  }

  private static JsonNode attachmentNamed(JsonNode result, String name) {
    for (JsonNode attachment : result.path("attachments")) {
      if (attachment.path("name").asText().equals(name)) {
        return attachment;
      }
    }
    throw new AssertionError("no attachment '" + name + "' in " + result.path("attachments"));
  }

  private static List<String> labelValues(JsonNode result, String label) {
    List<String> values = new ArrayList<>();
    result.path("labels").forEach(l -> {
      if (l.path("name").asText().equals(label)) {
        values.add(l.path("value").asText());
      }
    });
    return values;
  }
}
