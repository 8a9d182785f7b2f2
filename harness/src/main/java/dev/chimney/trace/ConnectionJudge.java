package dev.chimney.trace;

import dev.chimney.host.Event;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleMonitor;
import dev.chimney.rules.Verdict;
import dev.chimney.rules.monitor.MonitorContext;
import dev.chimney.rules.monitor.Monitors;
import java.util.List;

/**
 * The monitors of the offline rules for one connection of a capture, fed as {@link
 * dev.chimney.rules.ScenarioMonitors} feeds them in a certify run: the shared connection tracker
 * first, then each monitor, event by event. One per connection, so that a connection's state goes
 * when the connection is judged and forgotten. Not thread-safe: the one {@link JudgeShards} worker that owns the connection.
 */
final class ConnectionJudge {
  private final MonitorContext context;
  private final RuleMonitor[] monitors;

  /**
   * @param ruleIds the rules to judge, each with a monitor in {@link Monitors}
   * @param scenario quoted in evidence: the capture and the connection
   * @param captureFile quoted in evidence as "capture F packet N"
   */
  ConnectionJudge(List<String> ruleIds, String scenario, String captureFile) {
    context = new MonitorContext(scenario, captureFile);
    monitors = new RuleMonitor[ruleIds.size()];
    for (int i = 0; i < monitors.length; i++) {
      monitors[i] = Monitors.create(ruleIds.get(i), context);
    }
  }

  void onEvent(Event event) {
    context.tracker().onEvent(event);
    for (RuleMonitor m : monitors) {
      m.onEvent(event);
    }
  }

  /**
   * Ends the connection: each monitor judges what it could only judge at the end; results go to
   * {@code tally}.
   *
   * @param order the connection's place in the retire order
   */
  void finish(RuleTally tally, long order) {
    for (RuleMonitor m : monitors) {
      m.finish();
      List<Evidence> evidence = m.evidence();
      Verdict v = !evidence.isEmpty() ? Verdict.FAIL : m.exercised() ? Verdict.PASS : Verdict.NOT_EXERCISED;
      tally.add(m.ruleId(), v, evidence, order);
    }
  }
}
