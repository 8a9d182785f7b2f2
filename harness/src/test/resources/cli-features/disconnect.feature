# Fixture for ScenarioIndexTest: tags on feature, scenario, rule and examples are all inherited.
@area-disconnect
Feature: Disconnect fixture

  @DSC-3
  Scenario: Graceful disconnect with data outstanding
    Given nothing

  Rule: abortive disconnects
    @DSC-5
    Scenario: Abortive disconnect
      Given nothing

  @TOC-1
  Scenario Outline: Terminate after <n> sends
    Given nothing

    @DSC-3
    Examples:
      | n |
      | 1 |
