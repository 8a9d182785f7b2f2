package dev.chimney.report;

import dev.chimney.rules.Certification;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleResult;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Adds one Allure test result per catalogue rule, in a suite of its own, so that the page shows
 * the certification rule by rule next to the scenarios: PASS as passed, FAIL as failed with its
 * evidence, NOT_EXERCISED as broken (it blocks certification, yet nothing failed), NOT_APPLICABLE as
 * skipped with the missing capability. The same verdicts as {@code certification.json}, never
 * recomputed.
 */
final class AllureRuleVerdicts {
  /** The suite the rule results are grouped under. */
  static final String SUITE = "Rule verdicts";
  private static final int NAME_TEXT_LENGTH = 90;

  private AllureRuleVerdicts() {}

  static void write(Certification certification, Path allureResults, long timeMillis) {
    FileSystemResultsWriter writer = new FileSystemResultsWriter(allureResults);
    for (RuleResult r : certification.rules()) {
      writer.write(result(r, timeMillis));
    }
  }

  static TestResult result(RuleResult r, long timeMillis) {
    String id = r.rule().id();
    return new TestResult()
        .setUuid(UUID.nameUUIDFromBytes(("rule " + id).getBytes(StandardCharsets.UTF_8)).toString())
        .setHistoryId(id)
        .setName(id + " " + shortText(r.rule().text()))
        .setFullName("rules." + id)
        .setDescription(r.rule().text() + "\n\nLevel: " + r.rule().level().label()
            + ". Binds: " + String.join(", ", r.rule().binds()) + ". Exercised by " + r.scenarios()
            + " scenario(s).")
        .setStatus(status(r))
        .setStatusDetails(new StatusDetails().setMessage(message(r)))
        .setStart(timeMillis)
        .setStop(timeMillis)
        .setLabels(List.of(
            new Label().setName("suite").setValue(SUITE),
            new Label().setName("feature").setValue(r.rule().area()),
            new Label().setName(RuleLabels.RULE_LABEL).setValue(id),
            new Label().setName("tag").setValue(r.rule().level().label())));
  }

  private static Status status(RuleResult r) {
    return switch (r.verdict()) {
      case PASS -> Status.PASSED;
      case FAIL -> Status.FAILED;
      case NOT_EXERCISED -> Status.BROKEN;
      case NOT_APPLICABLE -> Status.SKIPPED;
    };
  }

  private static String message(RuleResult r) {
    return switch (r.verdict()) {
      case PASS -> "PASS: exercised by " + r.scenarios() + " scenario(s), never violated";
      case FAIL -> r.evidence().stream().map(Evidence::message).collect(Collectors.joining("\n"));
      case NOT_EXERCISED, NOT_APPLICABLE -> r.verdict() + ": " + r.reason();
    };
  }

  private static String shortText(String text) {
    return text.length() <= NAME_TEXT_LENGTH ? text : text.substring(0, NAME_TEXT_LENGTH - 1) + "…";
  }
}
