package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/** What certify asks the JUnit Platform launcher for, checked without running it. */
class CucumberSuiteTest {
  @Test
  void runsTheShippedFeaturesWithTheCucumberEngineTheGlueAndAllure() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.empty(), 1);

    assertThat(request.getSelectorsByType(PackageSelector.class))
        .as("selectors").extracting(PackageSelector::getPackageName)
        .containsExactly("features");
    EngineFilter engines = request.getEngineFilters().get(0);
    assertThat(engines.apply(engine("cucumber")).included()).as("cucumber engine included").isTrue();
    assertThat(engines.apply(engine("junit-jupiter")).included()).as("jupiter engine included").isFalse();
    assertThat(request.getConfigurationParameters().get("cucumber.glue")).as("cucumber.glue")
        .contains("dev.chimney.steps");
    assertThat(request.getConfigurationParameters().get("cucumber.plugin")).as("cucumber.plugin")
        .contains("io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm,dev.chimney.steps.StepFailures");
  }

  @Test
  void withoutRulesEveryScenarioRuns() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.empty(), 1);

    assertThat(request.getConfigurationParameters().get("cucumber.filter.tags")).as("cucumber.filter.tags").isEmpty();
    assertThat(request.getPostDiscoveryFilters()).as("post-discovery filters").isEmpty();
  }

  @Test
  void rulesBecomeCucumbersTagFilter() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.of(new RuleTags.Selection(List.of("DSC-3", "TOC-1"))), 1);

    assertThat(request.getConfigurationParameters().get("cucumber.filter.tags")).as("cucumber.filter.tags")
        .contains("@DSC-3 or @TOC-1");
  }

  @Test
  void rulesPruneTheOtherScenariosAtDiscovery() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.of(new RuleTags.Selection(List.of("DSC-3", "TOC-1"))), 1);

    assertThat(request.getPostDiscoveryFilters()).as("post-discovery filters").singleElement().satisfies(filter -> {
      assertThat(filter.apply(scenario("TOC-1", "slow")).included()).as("scenario tagged TOC-1 kept").isTrue();
      assertThat(filter.apply(scenario("DSC-4")).included()).as("scenario tagged DSC-4 kept").isFalse();
    });
  }

  @Test
  void oneAtATimeDisablesParallelExecutionEvenAgainstASystemProperty() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.empty(), 1);

    assertThat(request.getConfigurationParameters().get("cucumber.execution.parallel.enabled"))
        .as("cucumber.execution.parallel.enabled").contains("false");
  }

  @Test
  void aParallelismAboveOneRunsThatManyScenariosAtOnceOnAFixedPool() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.empty(), 6);

    assertThat(request.getConfigurationParameters().get("cucumber.execution.parallel.enabled"))
        .as("cucumber.execution.parallel.enabled").contains("true");
    assertThat(request.getConfigurationParameters().get("cucumber.execution.parallel.config.strategy"))
        .as("strategy").contains("fixed");
    assertThat(request.getConfigurationParameters().get("cucumber.execution.parallel.config.fixed.parallelism"))
        .as("parallelism").contains("6");
    assertThat(request.getConfigurationParameters().get("cucumber.execution.parallel.config.fixed.max-pool-size"))
        .as("max pool size").contains("6");
  }

  private static TestDescriptor scenario(String... tags) {
    Set<TestTag> testTags = new LinkedHashSet<>();
    for (String tag : tags) {
      testTags.add(TestTag.create(tag));
    }
    return new AbstractTestDescriptor(UniqueId.root("scenario", String.join(",", tags)), "a scenario") {
      @Override
      public Type getType() {
        return Type.TEST;
      }

      @Override
      public Set<TestTag> getTags() {
        return testTags;
      }
    };
  }

  /** An engine known only by its ID: all an engine filter looks at. */
  private static TestEngine engine(String id) {
    return new TestEngine() {
      @Override
      public String getId() {
        return id;
      }

      @Override
      public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        throw new UnsupportedOperationException("the filter only reads the ID");
      }

      @Override
      public void execute(ExecutionRequest request) {
        throw new UnsupportedOperationException("the filter only reads the ID");
      }
    };
  }
}
