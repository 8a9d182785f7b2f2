package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener as Allure runs it: a lifecycle built the way the Cucumber plugin's is, which finds
 * its listeners through {@code META-INF/services}, so a missing registration fails here too.
 */
class RuleLabelsTest {
  @TempDir Path results;

  @Test
  void eachRuleTagBecomesOneRuleLabelAndOtherTagsDoNot() throws IOException {
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
    TestResult test = new TestResult().setUuid("t").setName("a scenario").setLabels(new ArrayList<>(List.of(
        tag("offload"), tag("required"), tag("TOC-1"), tag("DSC-3"), tag("TOC-1"), tag("XYZ-1"),
        new Label().setName("feature").setValue("DSC-3"))));
    lifecycle.scheduleTestCase(test);
    lifecycle.startTestCase("t");
    lifecycle.stopTestCase("t");
    lifecycle.writeTestCase("t");

    assertThat(labelValues(written(), RuleLabels.RULE_LABEL)).as("rule labels of tags offload, required, TOC-1, "
        + "DSC-3, TOC-1 again, XYZ-1 (no such rule) and a feature label DSC-3").containsExactly("TOC-1", "DSC-3");
  }

  private static Label tag(String value) {
    return new Label().setName(RuleLabels.TAG_LABEL).setValue(value);
  }

  private JsonNode written() throws IOException {
    try (Stream<Path> files = Files.list(results)) {
      Path file = files.filter(f -> f.toString().endsWith("-result.json")).findFirst()
          .orElseThrow(() -> new AssertionError("no result written in " + results));
      return new ObjectMapper().readTree(file.toFile());
    }
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
