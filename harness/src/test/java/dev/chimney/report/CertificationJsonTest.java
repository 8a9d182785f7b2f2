package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.rules.Certification;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificationJsonTest {
  @TempDir Path outDir;
  private JsonNode json;

  @BeforeEach
  void writeAndParse() throws IOException {
    Certification certification = ReportFixtures.certification(outDir);
    Path file = CertificationJson.write(certification, outDir, outDir.resolve(Reports.JSON_FILE));
    json = new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void headsWithTargetAndCertification() {
    assertThat(json.path("target").asText()).as("target").isEqualTo(ReportFixtures.TARGET);
    assertThat(json.path("certified").isBoolean()).as("certified is a JSON boolean").isTrue();
    assertThat(json.path("certified").asBoolean()).as("certified").isFalse();
  }

  @Test
  void oneRuleEntryPerRuleInCatalogueOrder() {
    assertThat(json.path("rules").findValuesAsText("id")).as("rule ids")
        .containsExactly("DSC-3", "TOC-1", "FWD-1", "TRM-8");
    JsonNode toc1 = json.path("rules").get(1);
    assertThat(toc1.path("level").asText()).as("TOC-1 level").isEqualTo("required");
    assertThat(toc1.path("verdict").asText()).as("TOC-1 verdict").isEqualTo("PASS");
    assertThat(toc1.path("scenarios").asInt()).as("TOC-1 scenarios").isEqualTo(2);
    assertThat(toc1.path("evidence").isArray() && toc1.path("evidence").isEmpty()).as("TOC-1 evidence []").isTrue();
    assertThat(toc1.has("reason") && toc1.path("reason").isNull()).as("TOC-1 reason present and null").isTrue();
    assertThat(toc1.path("title").asText()).as("TOC-1 title").isEqualTo(ReportFixtures.TOC_1.text());
  }

  @Test
  void failedRuleCarriesItsEvidence() {
    JsonNode dsc3 = json.path("rules").get(0);
    assertThat(dsc3.path("verdict").asText()).as("DSC-3 verdict").isEqualTo("FAIL");
    assertThat(dsc3.path("evidence")).as("DSC-3 evidence entries").hasSize(2);
    JsonNode first = dsc3.path("evidence").get(0);
    assertThat(first.path("scenario").asText()).isEqualTo(ReportFixtures.FAILED_SCENARIO);
    assertThat(first.path("expected").asText()).isEqualTo(ReportFixtures.RST_EVIDENCE.expected());
    assertThat(first.path("actual").asText()).isEqualTo(ReportFixtures.RST_EVIDENCE.actual());
    assertThat(first.path("where").asText()).isEqualTo(ReportFixtures.RST_EVIDENCE.where());
    assertThat(first.path("message").asText()).isEqualTo(ReportFixtures.RST_EVIDENCE.message());
  }

  @Test
  void unjudgedRulesGiveTheirReason() {
    assertThat(json.path("rules").get(2).path("verdict").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(json.path("rules").get(2).path("level").asText()).isEqualTo("optional");
    assertThat(json.path("rules").get(2).path("reason").asText()).isEqualTo(ReportFixtures.NOT_APPLICABLE_REASON);
    assertThat(json.path("rules").get(3).path("reason").asText()).isEqualTo(ReportFixtures.NOT_EXERCISED_REASON);
  }

  @Test
  void countsScenariosByStatus() {
    JsonNode counts = json.path("scenarios");
    assertThat(counts.path("total").asInt()).as("total").isEqualTo(3);
    assertThat(counts.path("passed").asInt()).as("passed").isEqualTo(1);
    assertThat(counts.path("failed").asInt()).as("failed").isEqualTo(1);
    assertThat(counts.path("skipped").asInt()).as("skipped").isEqualTo(1);
  }

  @Test
  void scenarioResultsNameFilesRelativeToTheOutputFolder() {
    JsonNode failed = json.path("scenarioResults").get(1);
    assertThat(failed.path("name").asText()).isEqualTo(ReportFixtures.FAILED_SCENARIO);
    assertThat(failed.path("feature").asText()).isEqualTo("features/terminate.feature:30");
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("rules")).extracting(JsonNode::asText).containsExactly("TOC-1", "DSC-3");
    assertThat(failed.path("failure").asText()).startsWith("DSC-3: expected no RST");
    assertThat(failed.path("capture").asText()).isEqualTo("captures/upload-half-close.pcapng");
    assertThat(failed.path("eventLog").asText()).isEqualTo("events/upload-half-close.log");
    assertThat(failed.path("monitorVerdicts").path("DSC-3").asText()).isEqualTo("FAIL");
    assertThat(failed.path("evidence").get(0).path("rule").asText()).isEqualTo("DSC-3");

    JsonNode passed = json.path("scenarioResults").get(0);
    assertThat(passed.has("capture") && passed.path("capture").isNull()).as("no capture: null").isTrue();
    assertThat(passed.path("failure").isNull()).as("passed scenario failure").isTrue();
  }
}
