package dev.chimney.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run record keeps scenario results in finishing order until reset. */
class RunRecordTest {
  private static ScenarioResult result(String name) {
    return new ScenarioResult(name, "features/x.feature:1", List.of("DSC-3"), ScenarioResult.Status.PASSED, null,
        Map.of(), List.of(), null, null, 0);
  }

  @AfterEach
  void forget() {
    RunRecord.reset();
  }

  @Test
  void keepsResultsInFinishingOrderAsASnapshot() {
    RunRecord.reset();
    RunRecord.add(result("first"));
    List<ScenarioResult> snapshot = RunRecord.results();
    RunRecord.add(result("second"));
    assertThat(snapshot).extracting(ScenarioResult::name).containsExactly("first");
    assertThat(RunRecord.results()).extracting(ScenarioResult::name).containsExactly("first", "second");
  }

  @Test
  void resetForgetsEverything() {
    RunRecord.add(result("old"));
    RunRecord.reset();
    assertThat(RunRecord.results()).isEmpty();
  }
}
