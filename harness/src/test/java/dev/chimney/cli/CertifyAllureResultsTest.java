package dev.chimney.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.host.RunSettings;
import dev.chimney.report.AllureAttachments;
import dev.chimney.report.RuleLabels;
import dev.chimney.rules.RunRecord;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.steps.Lifecycle;
import io.cucumber.junit.platform.engine.Constants;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Real scenarios of the reference NIC (those of {@value #RULE}, which open a connection and so
 * write a capture), run through the real Cucumber engine and glue: by {@code certify}, with the
 * allure-cucumber7-jvm plugin, each scenario's Allure result must show its capture, event log and
 * monitor verdicts and carry its rule labels; without the plugin, as {@code mvn verify} runs them,
 * Allure must be left alone. In both, nothing may be logged by Allure's lifecycle.
 */
class CertifyAllureResultsTest {
  private static final String RULE = "TRM-1";
  private static final String ALLURE_LOGGER = "AllureLifecycle";

  @TempDir Path out;
  private Path allureResults;
  private Properties savedProperties;
  private AllureLifecycle savedAllure;
  private PrintStream savedErr;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /**
   * certify leaves its settings in system properties, and Allure's lifecycle is one per JVM with
   * its results folder fixed when first made: this test brings its own and puts everything back.
   * Allure logs through SLF4J's simple provider, which writes to whatever System.err is then.
   */
  @BeforeEach
  void isolate() {
    allureResults = out.resolve(CertifyCommand.ALLURE_RESULTS);
    savedProperties = (Properties) System.getProperties().clone();
    savedAllure = Allure.getLifecycle();
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allureResults)));
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(savedErr);
    Allure.setLifecycle(savedAllure);
    System.setProperties(savedProperties);
  }

  @Test
  void certifyReplacesThePreviousRunsCapturesInsteadOfAddingToThem() throws IOException {
    Path captures = out.resolve(Lifecycle.CAPTURES);
    Files.createDirectories(captures);
    Path stale = Files.writeString(captures.resolve("023-a-scenario-numbered-otherwise-last-time.pcapng"), "old");
    CliRun run = CliRun.run("certify", "--rules", RULE, "--out", out.toString());
    try (Stream<Path> files = Files.list(captures)) {
      assertThat(files.toList()).as(run.transcript()).isNotEmpty().doesNotContain(stale);
    }
  }

  @Test
  void certifyShowsEachScenariosEvidenceAndRulesOnItsAllureResult() throws IOException {
    CliRun run = CliRun.run("certify", "--rules", RULE, "--out", out.toString());
    List<ScenarioResult> scenarios = RunRecord.results();
    assertThat(scenarios).as("scenarios run\n" + run.transcript()).isNotEmpty();

    List<JsonNode> results = allureFiles("-result.json");
    List<JsonNode> containers = allureFiles("-container.json");
    for (ScenarioResult scenario : scenarios) {
      String what = "Allure result of '" + scenario.name() + "'";
      assertThat(scenario.capture()).as("capture of '" + scenario.name() + "'").isNotNull();
      JsonNode result = results.stream().filter(r -> r.path("name").asText().equals(scenario.name())).findFirst()
          .orElseThrow(() -> new AssertionError("no " + what + " among " + results.size()));

      assertThat(labelValues(result, RuleLabels.RULE_LABEL)).as("rule labels of the " + what)
          .containsExactlyInAnyOrderElementsOf(scenario.rules());
      List<JsonNode> shown = attachmentsShownWith(result, containers);
      assertThat(shown).extracting(a -> a.path("name").asText()).as("attachments shown with the " + what)
          .contains("capture " + scenario.capture().getFileName(), "event log " + scenario.eventLog().getFileName(),
              "monitor verdicts");
      JsonNode capture = shown.stream().filter(a -> a.path("name").asText().startsWith("capture ")).findFirst()
          .orElseThrow();
      assertThat(capture.path("type").asText()).as("capture type").isEqualTo(AllureAttachments.CAPTURE_TYPE);
      assertThat(allureResults.resolve(capture.path("source").asText())).as("capture attached to the " + what)
          .hasBinaryContent(Files.readAllBytes(scenario.capture()));
    }
    assertThat(err.toString(UTF_8)).as("standard error").doesNotContain(ALLURE_LOGGER);
  }

  @Test
  void withoutTheAllurePluginAllureIsLeftAlone() {
    System.setProperty(RunSettings.OUT, out.toString());
    RunRecord.reset();
    // As mvn verify's ReferenceNicConformanceTest runs the suite: StepFailures is the only plugin.
    CucumberSuite.run(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(CucumberSuite.FEATURES))
        .filters(EngineFilter.includeEngines(CucumberSuite.ENGINE), TagFilter.includeTags(RULE))
        .configurationParameter(Constants.GLUE_PROPERTY_NAME, CucumberSuite.GLUE)
        .configurationParameter(Constants.PLUGIN_PROPERTY_NAME, CucumberSuite.STEP_FAILURES_PLUGIN)
        .configurationParameter(Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, "true")
        .configurationParameter(Constants.FILTER_TAGS_PROPERTY_NAME, "@" + RULE)
        .build());

    assertThat(RunRecord.results()).as("scenarios run").isNotEmpty()
        .allSatisfy(s -> assertThat(s.capture()).as("capture of '" + s.name() + "'").isNotNull());
    assertThat(allureResults).as("Allure's results folder").doesNotExist();
    assertThat(err.toString(UTF_8)).as("standard error").doesNotContain(ALLURE_LOGGER);
  }

  /**
   * The attachments the report shows on a result's page: its own, its steps', and those of the
   * fixtures of every container it is a child of (allure-cucumber7-jvm makes one container per
   * hook, its fixture holding what the hook attached).
   */
  private static List<JsonNode> attachmentsShownWith(JsonNode result, List<JsonNode> containers) {
    List<JsonNode> holders = new ArrayList<>(List.of(result));
    String uuid = result.path("uuid").asText();
    for (JsonNode container : containers) {
      for (JsonNode child : container.path("children")) {
        if (child.asText().equals(uuid)) {
          holders.add(container);
        }
      }
    }
    List<JsonNode> attachments = new ArrayList<>();
    for (JsonNode holder : holders) {
      holder.findValues("attachments").forEach(list -> list.forEach(attachments::add));
    }
    return attachments;
  }

  private List<JsonNode> allureFiles(String suffix) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    try (Stream<Path> files = Files.list(allureResults)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        nodes.add(new ObjectMapper().readTree(file.toFile()));
      }
    }
    return nodes;
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
