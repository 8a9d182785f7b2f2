package dev.chimney.report;

import dev.chimney.rules.Certification;
import dev.chimney.rules.ScenarioResult;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Allure results for a certification's scenarios the way a Cucumber run does: allure-java's
 * own lifecycle, writer and listeners (so {@link RuleLabels} adds the rule labels), the labels the
 * allure-cucumber7-jvm plugin sets (feature, suite, a tag per scenario tag without its {@code @}),
 * and the After hook as that plugin runs it: a tear-down fixture in a container of its own, under
 * which {@link AllureAttachments#attach} files each attachment the way the plugin files a Cucumber
 * attachment (no file extension). {@code CertifyAllureResultsTest} checks the real plugin does this.
 */
final class AllureResultsFixture {
  /** Fixed start of the first scenario, in epoch millis; the fixture keeps off the wall clock. */
  static final long RUN_START_MILLIS = 1_700_000_000_000L;
  static final long SCENARIO_MILLIS = 1_500L;
  /** The name allure-cucumber7-jvm gives the After hook's fixture: the hook's code location. */
  static final String AFTER_HOOK = "dev.chimney.steps.Lifecycle.close(io.cucumber.java.Scenario)";

  private AllureResultsFixture() {}

  /** Writes one result per scenario into {@code resultsDir}; returns the lifecycle's UUIDs in scenario order. */
  static List<String> write(Certification certification, Path resultsDir) {
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(resultsDir));
    List<String> uuids = new ArrayList<>();
    long start = RUN_START_MILLIS;
    for (ScenarioResult scenario : certification.scenarios()) {
      String uuid = "fixture-" + uuids.size();
      lifecycle.scheduleTestCase(testResult(uuid, scenario));
      lifecycle.startTestCase(uuid);
      afterHook(lifecycle, uuid, scenario);
      lifecycle.stopTestCase(uuid);
      // start and stop stamp the wall clock; the fixture's times replace them.
      long scenarioStart = start;
      long stop = start + SCENARIO_MILLIS;
      lifecycle.updateTestCase(uuid, t -> t.setStart(scenarioStart).setStop(stop));
      lifecycle.writeTestCase(uuid);
      uuids.add(uuid);
      start = stop;
    }
    return uuids;
  }

  private static void afterHook(AllureLifecycle lifecycle, String testUuid, ScenarioResult scenario) {
    String container = testUuid + "-after";
    String fixture = container + "-close";
    lifecycle.startTestContainer(new TestResultContainer().setUuid(container).setChildren(List.of(testUuid)));
    lifecycle.startTearDownFixture(container, fixture, new FixtureResult().setName(AFTER_HOOK));
    AllureAttachments.attach(scenario, (data, type, name) -> lifecycle.addAttachment(name, type, null, data));
    lifecycle.updateFixture(fixture, f -> f.setStatus(Status.PASSED));
    lifecycle.stopFixture(fixture);
    lifecycle.stopTestContainer(container);
    lifecycle.writeTestContainer(container);
  }

  private static TestResult testResult(String uuid, ScenarioResult scenario) {
    String featureFile = scenario.feature().replaceAll(":\\d+$", "");
    List<Label> labels = new ArrayList<>();
    labels.add(new Label().setName("feature").setValue(featureFile));
    labels.add(new Label().setName("suite").setValue(featureFile));
    labels.add(new Label().setName(RuleLabels.TAG_LABEL).setValue("required"));
    scenario.rules().forEach(id -> labels.add(new Label().setName(RuleLabels.TAG_LABEL).setValue(id)));
    return new TestResult().setUuid(uuid).setHistoryId(uuid).setName(scenario.name())
        .setFullName(scenario.feature() + " " + scenario.name()).setLabels(labels)
        .setStatus(status(scenario.status()))
        .setStatusDetails(new StatusDetails().setMessage(scenario.failure()));
  }

  private static Status status(ScenarioResult.Status status) {
    return switch (status) {
      case PASSED -> Status.PASSED;
      case FAILED -> Status.FAILED;
      case SKIPPED -> Status.SKIPPED;
    };
  }
}
