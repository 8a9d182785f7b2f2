package dev.chimney.rules.monitor;

/**
 * What the monitors of one scenario share: the scenario's name and capture file, quoted in
 * evidence, and the connection tracker. Created by {@link dev.chimney.rules.ScenarioMonitors},
 * which feeds the tracker each event before the monitors see it.
 */
public final class MonitorContext {
  private final String scenario;
  private final String captureFile;
  private final ConnectionTracker tracker = new ConnectionTracker();

  /**
   * @param scenario the scenario's name
   * @param captureFile the capture's file name, or null when none is written
   */
  public MonitorContext(String scenario, String captureFile) {
    this.scenario = scenario;
    this.captureFile = captureFile;
  }

  /** The scenario's name. */
  public String scenario() {
    return scenario;
  }

  /** The capture's file name, or null. */
  public String captureFile() {
    return captureFile;
  }

  /** The scenario's connection tracker. */
  public ConnectionTracker tracker() {
    return tracker;
  }
}
