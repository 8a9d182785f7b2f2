# Fixture for ScenarioIndexTest: a tag that tags nothing does not parse.
Feature: Broken fixture

  Scenario: Tagged at the end
    Given a step

  @DSC-3
