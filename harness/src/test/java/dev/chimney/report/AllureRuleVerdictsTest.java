package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.rules.Certification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureRuleVerdictsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachRuleBecomesOneResultInTheRuleSuiteWithItsVerdictAsStatus(@TempDir Path dir) throws IOException {
    Certification cert = ReportFixtures.certification(dir.resolve("out"));
    Path results = Files.createDirectories(dir.resolve("allure-results"));

    AllureRuleVerdicts.write(cert, results, 1_700_000_000_000L);

    Map<String, JsonNode> byRule = new HashMap<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
        JsonNode node = JSON.readTree(f.toFile());
        byRule.put(node.get("historyId").asText(), node);
      }
    }
    assertThat(byRule).containsOnlyKeys("DSC-3", "TOC-1", "FWD-1", "TRM-8");
    assertThat(byRule.get("TOC-1").get("status").asText()).isEqualTo("passed");
    assertThat(byRule.get("DSC-3").get("status").asText()).isEqualTo("failed");
    assertThat(byRule.get("DSC-3").get("statusDetails").get("message").asText())
        .as("the evidence, as in certification.json")
        .contains(ReportFixtures.RST_EVIDENCE.message()).contains(ReportFixtures.SECOND_RST_EVIDENCE.message());
    assertThat(byRule.get("TRM-8").get("status").asText()).as("NOT_EXERCISED blocks certification").isEqualTo("broken");
    assertThat(byRule.get("TRM-8").get("statusDetails").get("message").asText()).startsWith("NOT_EXERCISED: ");
    assertThat(byRule.get("FWD-1").get("status").asText()).isEqualTo("skipped");
    assertThat(byRule.get("FWD-1").get("statusDetails").get("message").asText()).startsWith("NOT_APPLICABLE: ");
    for (JsonNode node : byRule.values()) {
      List<String> suites = node.get("labels").findParents("name").stream()
          .filter(l -> l.get("name").asText().equals("suite")).map(l -> l.get("value").asText()).toList();
      assertThat(suites).containsExactly(AllureRuleVerdicts.SUITE);
    }
  }
}
