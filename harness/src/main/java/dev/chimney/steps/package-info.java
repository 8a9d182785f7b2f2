/**
 * The Cucumber glue: step definitions that read the way a driver writer talks about the contract
 * ("the host posts a send", "the peer acknowledges everything"), drive one {@link
 * dev.chimney.host.Session} per scenario, and assert what the scenario states. The rule monitors
 * judge every scenario on top of that, whatever its steps assert, and the lifecycle hooks turn
 * their verdicts, the capture and the event log into the scenario's result.
 */
package dev.chimney.steps;
