package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;

/** What certify asks the JUnit Platform launcher for, checked without running it. */
class CucumberSuiteTest {
  @Test
  void runsTheShippedFeaturesWithTheCucumberEngineTheGlueAndAllure() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.empty());

    assertThat(request.getSelectorsByType(ClasspathResourceSelector.class))
        .as("selectors").extracting(ClasspathResourceSelector::getClasspathResourceName)
        .containsExactly("features");
    EngineFilter engines = request.getEngineFilters().get(0);
    assertThat(engines.apply(engine("cucumber")).included()).as("cucumber engine included").isTrue();
    assertThat(engines.apply(engine("junit-jupiter")).included()).as("jupiter engine included").isFalse();
    assertThat(request.getConfigurationParameters().get("cucumber.glue")).as("cucumber.glue")
        .contains("dev.chimney.steps");
    assertThat(request.getConfigurationParameters().get("cucumber.plugin")).as("cucumber.plugin")
        .contains("io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm");
  }

  @Test
  void withoutRulesEveryScenarioRuns() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.empty());

    assertThat(request.getConfigurationParameters().get("cucumber.filter.tags")).as("cucumber.filter.tags").isEmpty();
  }

  @Test
  void rulesBecomeTheTagFilter() {
    LauncherDiscoveryRequest request = CucumberSuite.request(Optional.of("@DSC-3 or @TOC-1"));

    assertThat(request.getConfigurationParameters().get("cucumber.filter.tags")).as("cucumber.filter.tags")
        .contains("@DSC-3 or @TOC-1");
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
