package dev.chimney.rules;

import dev.chimney.host.Event;
import java.util.List;

/**
 * Watches one rule over one scenario's event log. Built by {@link ScenarioMonitors}, which feeds it
 * every event in log order (after the shared connection tracker has seen the event), then calls
 * {@link #finish()} once when the scenario is over.
 *
 * <p>Threading: the event log calls listeners under its lock, so {@link #onEvent} is never called
 * concurrently; {@link #finish()} and the getters are called after the last event.
 */
public interface RuleMonitor {
  /** The catalogue ID of the rule, e.g. "DSC-3". */
  String ruleId();

  /**
   * Judges one event.
   *
   * @param event the next event of the log; never null
   */
  void onEvent(Event event);

  /** The scenario is over: judges what could only be judged at the end (a completion that never came). */
  default void finish() {}

  /** True once the situation the rule constrains has happened in this scenario. */
  boolean exercised();

  /** The violations found so far, in the order they were found; empty when the rule held. */
  List<Evidence> evidence();
}
