# Fixture for ScenarioIndexTest: a feature in a sub-folder is found, with its path.
Feature: Forward fixture

  @FWD-1 @slow
  Scenario: Forwarded segment is processed
    Given nothing
