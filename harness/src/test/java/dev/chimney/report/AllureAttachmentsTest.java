package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the After hook hands Cucumber, collected in memory. */
class AllureAttachmentsTest {
  @TempDir Path outDir;

  /** One {@code Scenario.attach} call. */
  private record Attached(String name, String mediaType, String text) {}

  @Test
  void failedScenarioGetsCaptureEventLogAndVerdicts() throws IOException {
    ScenarioResult failed = scenarioNamed(ReportFixtures.FAILED_SCENARIO);

    assertThat(attach(failed)).containsExactly(
        new Attached("capture upload-half-close.pcapng", AllureAttachments.CAPTURE_TYPE, ReportFixtures.CAPTURE_BYTES),
        new Attached("event log upload-half-close.log", "text/plain", ReportFixtures.EVENT_LOG_TEXT),
        new Attached(AllureAttachments.VERDICTS_NAME, "text/plain", MonitorVerdictTable.render(failed)));
    assertThat(attach(failed).get(2).text()).as("monitor verdicts attachment")
        .contains("TOC-1  PASS\nDSC-3  FAIL\n").contains(ReportFixtures.RST_EVIDENCE.message());
  }

  @Test
  void scenarioWithoutFilesGetsOnlyTheVerdicts() throws IOException {
    assertThat(attach(scenarioNamed(ReportFixtures.PASSED_SCENARIO))).extracting(Attached::name)
        .containsExactly(AllureAttachments.VERDICTS_NAME);
  }

  @Test
  void namedButMissingCaptureIsSaidSo() {
    Path missing = outDir.resolve("captures/never-written.pcapng");
    ScenarioResult scenario = new ScenarioResult("missing capture", "features/x.feature:1", List.of("DSC-3"),
        ScenarioResult.Status.PASSED, null, Map.of("DSC-3", Verdict.PASS), List.of(), missing, null, 0L);

    assertThat(attach(scenario)).first().satisfies(note -> {
      assertThat(note.name()).isEqualTo("capture (missing)");
      assertThat(note.mediaType()).isEqualTo("text/plain");
      assertThat(note.text()).contains("never-written.pcapng");
    });
  }

  private ScenarioResult scenarioNamed(String name) throws IOException {
    return ReportFixtures.certification(outDir).scenarios().stream().filter(s -> s.name().equals(name))
        .findFirst().orElseThrow();
  }

  private static List<Attached> attach(ScenarioResult scenario) {
    List<Attached> attached = new ArrayList<>();
    AllureAttachments.attach(scenario,
        (data, type, name) -> attached.add(new Attached(name, type, new String(data, StandardCharsets.UTF_8))));
    return attached;
  }
}
