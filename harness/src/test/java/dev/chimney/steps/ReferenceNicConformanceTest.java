package dev.chimney.steps;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The whole Cucumber suite against the bundled reference NIC (the default target), through
 * Cucumber's JUnit Platform engine: every scenario's steps must pass and every monitor must find
 * nothing, or the scenario fails.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.chimney.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "dev.chimney.steps.StepFailures")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
class ReferenceNicConformanceTest {}
