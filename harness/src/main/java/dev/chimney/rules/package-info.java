/**
 * The rule catalogue and its judges. Every rule of the specification has a stable ID (TRM, TOC,
 * PAR, DSC, FWD, SND), shipped in {@code catalogue.yaml} and loaded by {@link
 * dev.chimney.rules.RuleCatalogue}. For each scenario, a {@link dev.chimney.rules.ScenarioMonitors}
 * listens to the event log and runs one {@link dev.chimney.rules.RuleMonitor} per applicable rule
 * (the monitors live in {@code dev.chimney.rules.monitor}); its {@link
 * dev.chimney.rules.ScenarioVerdicts} go into the scenario's {@link dev.chimney.rules.ScenarioResult},
 * kept in the {@link dev.chimney.rules.RunRecord}, and {@link dev.chimney.rules.CertificationJudge}
 * turns them into per-rule {@link dev.chimney.rules.Verdict}s and the {@link
 * dev.chimney.rules.Certification}. The same IDs tag the Gherkin scenarios and head the report rows.
 */
package dev.chimney.rules;
