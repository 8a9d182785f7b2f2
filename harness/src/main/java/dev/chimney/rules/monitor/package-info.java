/**
 * The rule monitors: one class per catalogue rule, named after it ({@code Dsc3RstOnlyOnAbortiveClose}),
 * each reading the scenario's event log through a shared {@link
 * dev.chimney.rules.monitor.ConnectionTracker} that follows every connection's offload phase,
 * outstanding sends, and what each side put on the wire. {@link dev.chimney.rules.monitor.Monitors}
 * maps rule IDs to monitors; {@link dev.chimney.rules.ScenarioMonitors} is the public entry point.
 * Each monitor's javadoc says what it checks, when it counts as exercised, the decisions taken where
 * the specification is vague, and what to look at when it fails.
 */
package dev.chimney.rules.monitor;
