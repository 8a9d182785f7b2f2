package dev.chimney.rules;

import dev.chimney.host.Event;
import dev.chimney.host.EventLog;
import dev.chimney.rules.monitor.MonitorContext;
import dev.chimney.rules.monitor.Monitors;
import dev.chimney.spi.Capability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule's monitor for one scenario, listening to its event log. The scenario's glue creates
 * one per scenario, adds it to the {@link EventLog} before the first event, and calls {@link
 * #finish()} when the scenario ends:
 *
 * <pre>{@code
 * ScenarioMonitors monitors = new ScenarioMonitors(catalogue, provider.capabilities(), name, "s.pcapng");
 * log.addListener(monitors);
 * ... run the scenario ...
 * ScenarioVerdicts verdicts = monitors.finish();
 * }</pre>
 *
 * <p>Rules whose capability the target lacks get no monitor and the verdict NOT_APPLICABLE. The
 * others watch every event, whichever rule the scenario was written for.
 *
 * <p>Threading: {@link #onEvent} is called by the event log under its lock, from whichever thread
 * appended the event; {@link #finish()} once, on the host thread, after the last event.
 */
public final class ScenarioMonitors implements EventLog.Listener {
  private final RuleCatalogue catalogue;
  private final Set<Capability> capabilities;
  private final MonitorContext context;
  private final Map<String, RuleMonitor> monitors = new LinkedHashMap<>();
  private ScenarioVerdicts verdicts;

  /**
   * @param catalogue the rules to judge
   * @param capabilities what the target declared; never null
   * @param scenario the scenario's name, quoted in evidence
   * @param captureFile the capture's file name, quoted in wire evidence ("capture F packet N"); null
   *     when no capture is written
   * @throws IllegalStateException when a catalogue rule has no monitor (a harness bug)
   */
  public ScenarioMonitors(RuleCatalogue catalogue, Set<Capability> capabilities, String scenario, String captureFile) {
    this.catalogue = catalogue;
    this.capabilities = Set.copyOf(capabilities);
    this.context = new MonitorContext(scenario, captureFile);
    for (Rule rule : catalogue.rules()) {
      if (rule.appliesTo(this.capabilities)) {
        monitors.put(rule.id(), Monitors.create(rule.id(), context));
      }
    }
  }

  /**
   * Feeds the event to the connection tracker, then to every monitor. Events appended after {@link
   * #finish()} (a late upcall while the target is being closed) are not judged: the verdicts are out,
   * and the event log still shows them.
   */
  @Override
  public synchronized void onEvent(Event event) {
    if (verdicts != null) {
      return;
    }
    context.tracker().onEvent(event);
    for (RuleMonitor m : monitors.values()) {
      m.onEvent(event);
    }
  }

  /** The monitors that run, by rule ID (rules NOT_APPLICABLE to the target have none). */
  public Map<String, RuleMonitor> monitors() {
    return Collections.unmodifiableMap(monitors);
  }

  /**
   * Ends the scenario: lets each monitor judge what it could only judge at the end, then returns
   * the verdicts. FAIL when a monitor found evidence, PASS when it was exercised without, else
   * NOT_EXERCISED; NOT_APPLICABLE for rules without a monitor. Later calls return the same result.
   */
  public synchronized ScenarioVerdicts finish() {
    if (verdicts == null) {
      Map<String, Verdict> byRule = new LinkedHashMap<>();
      List<Evidence> evidence = new ArrayList<>();
      for (Rule rule : catalogue.rules()) {
        RuleMonitor m = monitors.get(rule.id());
        if (m == null) {
          byRule.put(rule.id(), Verdict.NOT_APPLICABLE);
          continue;
        }
        m.finish();
        evidence.addAll(m.evidence());
        byRule.put(rule.id(), !m.evidence().isEmpty() ? Verdict.FAIL
            : m.exercised() ? Verdict.PASS : Verdict.NOT_EXERCISED);
      }
      verdicts = new ScenarioVerdicts(Collections.unmodifiableMap(byRule), List.copyOf(evidence));
    }
    return verdicts;
  }
}
