package dev.chimney.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.cucumber.junit.platform.engine.Constants;
import java.util.Optional;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How {@code certify} runs the scenarios: the Cucumber engine alone, through the JUnit Platform
 * launcher, on the feature files the harness jar ships. Every Cucumber setting the CLI passes is
 * here. The launcher runs the scenarios on the calling thread, or with a parallelism above 1 on a
 * fixed pool of that many threads (Cucumber's parallel execution).
 */
final class CucumberSuite {
  private CucumberSuite() {}

  /** The JUnit Platform engine that runs feature files. */
  static final String ENGINE = "cucumber";
  /** The class path folder of the feature files. */
  static final String FEATURES = RulesCommand.FEATURES;
  /** The package of the step definitions and hooks. */
  static final String GLUE = "dev.chimney.steps";
  /** Writes Allure results for the report writer to render. */
  static final String ALLURE_PLUGIN = "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm";
  /** Keeps each failing step's message for the scenario's result. */
  static final String STEP_FAILURES_PLUGIN = "dev.chimney.steps.StepFailures";
  /**
   * How many scenarios of a target on real time run at once by default. Their time is spent
   * waiting on real timers (quiet periods, the kernel's RTO), not on the CPU, so this is above the
   * core count; each scenario has its own session, clock and target instance (for the kernel, its
   * own namespace and TUN device). Targets on virtual time always run one at a time, so that their
   * captures stay byte-identical from run to run, and so do remote targets, which serve one
   * scenario at a time over their one connection.
   */
  static final int REAL_TIME_PARALLELISM = 8;
  /** The system property Allure reads, once per JVM, for where to write its results. */
  static final String ALLURE_RESULTS_DIRECTORY = "allure.results.directory";

  /**
   * The discovery request for one run.
   *
   * <p>The features are selected as a package: the Cucumber engine warns that a class path resource
   * selector naming a folder is meant for single files. A rule selection is applied twice, from
   * the same rules: as Cucumber's tag filter, which is what Cucumber and its plugins see, and as
   * the JUnit Platform's tag filter, which removes the other scenarios at discovery so that they
   * are not reported, one SKIP each, in the progress, the JUnit XML and the Allure results.
   *
   * @param selection the rules whose scenarios run; empty runs them all
   * @param parallelism how many scenarios run at once; 1 runs them one after another
   */
  static LauncherDiscoveryRequest request(Optional<RuleTags.Selection> selection, int parallelism) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(FEATURES))
        .filters(EngineFilter.includeEngines(ENGINE))
        .configurationParameter(Constants.GLUE_PROPERTY_NAME, GLUE)
        .configurationParameter(Constants.PLUGIN_PROPERTY_NAME, ALLURE_PLUGIN + "," + STEP_FAILURES_PLUGIN)
        // The run is local and certifies; nothing is to be published, nor advertised on the console.
        .configurationParameter(Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, "true");
    // Set either way: a launcher parameter outranks a -D system property that would say otherwise.
    request.configurationParameter(Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, Boolean.toString(parallelism > 1));
    if (parallelism > 1) {
      request
          .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME, "fixed")
          .configurationParameter(Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME, Integer.toString(parallelism))
          .configurationParameter(Constants.PARALLEL_CONFIG_FIXED_MAX_POOL_SIZE_PROPERTY_NAME, Integer.toString(parallelism));
    }
    selection.ifPresent(rules -> request
        .configurationParameter(Constants.FILTER_TAGS_PROPERTY_NAME, rules.cucumberExpression())
        .filters(TagFilter.includeTags(rules.junitExpression())));
    return request.build();
  }

  /** Runs the request, each listener seeing every event. Returns when the last scenario is done. */
  static void run(LauncherDiscoveryRequest request, TestExecutionListener... listeners) {
    LauncherFactory.create().execute(request, listeners);
  }
}
