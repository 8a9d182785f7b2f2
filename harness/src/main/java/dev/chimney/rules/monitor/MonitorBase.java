package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleMonitor;
import java.util.ArrayList;
import java.util.List;

/** What every monitor shares: its rule ID, the exercised flag, and evidence phrased one way. */
abstract class MonitorBase implements RuleMonitor {
  /**
   * Evidence kept per rule and scenario. A broken target usually repeats a violation on every
   * segment; the first ones say enough, and the report stays readable.
   */
  static final int MAX_EVIDENCE = 20;

  private final String ruleId;
  private final MonitorContext context;
  /** Empty and shared until the first violation: most monitors never record one. */
  private List<Evidence> evidence = List.of();
  private boolean exercised;

  MonitorBase(String ruleId, MonitorContext context) {
    this.ruleId = ruleId;
    this.context = context;
  }

  @Override
  public final String ruleId() {
    return ruleId;
  }

  @Override
  public final boolean exercised() {
    return exercised;
  }

  @Override
  public final List<Evidence> evidence() {
    return List.copyOf(evidence);
  }

  /** The scenario's tracker, already updated with the event being judged. */
  final ConnectionTracker tracker() {
    return context.tracker();
  }

  /** The situation the rule constrains happened. */
  final void exercise() {
    exercised = true;
  }

  /**
   * Records a violation.
   *
   * @param expected what the rule asks for
   * @param actual what happened
   * @param where the event that shows it: a packet is cited by capture and packet number, anything
   *     else by its event number and description
   */
  final void violation(String expected, String actual, Event where) {
    if (evidence.isEmpty()) {
      evidence = new ArrayList<>();
    }
    if (evidence.size() < MAX_EVIDENCE) {
      evidence.add(new Evidence(ruleId, context.scenario(), expected, actual, where(where)));
    }
  }

  private String where(Event e) {
    if (e instanceof Event.Packet p) {
      String capture = context.captureFile() == null ? "no capture" : "capture " + context.captureFile();
      return capture + " packet " + p.packetNumber() + " (event #" + p.seq() + ")";
    }
    return "event #" + e.seq() + " (" + e.describe() + ")";
  }
}
