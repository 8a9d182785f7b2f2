package dev.chimney.steps;

import dev.chimney.host.Session;
import dev.chimney.report.AllureAttachments;
import dev.chimney.rules.Rule;
import dev.chimney.rules.RunRecord;
import dev.chimney.rules.ScenarioMonitors;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.spi.Capability;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * Opens and closes each scenario: skips it when the target lacks a capability its optional rules
 * need, attaches the rule monitors to the session, and afterwards writes the capture and event
 * log, turns the monitors' verdicts into the scenario's result, and fails the scenario when a
 * monitor found a violation even though every step passed.
 */
public final class Lifecycle {
  /** The folder of the run's output folder that holds each scenario's capture and event log. */
  public static final String CAPTURES = "captures";
  private final World world;
  private ScenarioMonitors monitors;
  private String artifactBase;
  private String skipReason;
  private long started;

  public Lifecycle(World world) {
    this.world = world;
  }

  @Before(order = 0)
  public void open(Scenario scenario) {
    started = System.nanoTime();
    artifactBase = String.format(Locale.ROOT, "%03d-%s", world.run.nextScenarioNumber(), slug(scenario.getName()));
    Set<Capability> capabilities = world.run.provider.capabilities();
    skipReason = missingCapability(ruleIds(scenario), capabilities);
    if (skipReason != null) {
      throw new TestAbortedException("NOT_APPLICABLE: " + skipReason);
    }
    monitors = new ScenarioMonitors(world.run.catalogue, capabilities, scenario.getName(),
        CAPTURES + "/" + artifactBase + ".pcapng");
    world.monitors = monitors;
  }

  @After(order = 0)
  public void close(Scenario scenario) {
    Session session = world.sessionIfOpen();
    ScenarioVerdicts verdicts = monitors == null ? null : monitors.finish();
    Path capture = null;
    Path events = null;
    List<String> problems = new ArrayList<>();
    if (session != null) {
      try {
        Path dir = world.run.out.resolve(CAPTURES);
        session.writeArtifacts(dir, artifactBase);
        capture = dir.resolve(artifactBase + ".pcapng");
        events = dir.resolve(artifactBase + ".events.txt");
      } catch (IOException e) {
        throw new UncheckedIOException("writing the capture of '" + scenario.getName() + "'", e);
      } finally {
        session.peer().violations().forEach(v -> problems.add("peer: TCP sanity: " + v.message()
            + (v.segment() == null ? "" : " in " + v.segment())));
        session.close();
        // A target's throws and out-of-order upcalls fail the scenario even where no rule's
        // monitor looks: the reason must be named, not left to a later timeout.
        problems.addAll(session.targetFaults());
      }
    }
    String failure = failureOf(scenario, verdicts, problems);
    ScenarioResult.Status status = skipReason != null ? ScenarioResult.Status.SKIPPED
        : failure != null ? ScenarioResult.Status.FAILED : ScenarioResult.Status.PASSED;
    ScenarioResult result = new ScenarioResult(scenario.getName(), featureOf(scenario), ruleIds(scenario), status,
        skipReason != null ? "NOT_APPLICABLE: " + skipReason : failure,
        verdicts == null ? Map.of() : verdicts.verdicts(), verdicts == null ? List.of() : verdicts.evidence(),
        capture, events, System.nanoTime() - started);
    RunRecord.add(result);
    AllureAttachments.attach(result, scenario::attach);
    if (status == ScenarioResult.Status.FAILED && !scenario.isFailed()) {
      throw new AssertionError(failure);
    }
  }

  private static String failureOf(Scenario scenario, ScenarioVerdicts verdicts, List<String> problems) {
    List<String> lines = new ArrayList<>();
    Throwable stepFailure = StepFailures.current();
    if (scenario.isFailed()) {
      lines.add(stepFailure == null ? "a step failed" : String.valueOf(stepFailure.getMessage()).strip());
    }
    if (verdicts != null && verdicts.failed()) {
      lines.add(verdicts.failureMessage());
    }
    lines.addAll(problems);
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  /** The rule IDs among the scenario's tags, without the {@code @}. */
  private List<String> ruleIds(Scenario scenario) {
    List<String> ids = new ArrayList<>();
    for (String tag : scenario.getSourceTagNames()) {
      String id = tag.substring(1);
      if (world.run.catalogue.find(id).isPresent()) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Why the scenario cannot run on this target, or null when it can. */
  private String missingCapability(List<String> ruleIds, Set<Capability> capabilities) {
    for (String id : ruleIds) {
      Rule rule = world.run.catalogue.find(id).orElseThrow();
      if (!rule.appliesTo(capabilities)) {
        return "the target does not declare " + rule.requires() + ", which " + id + " needs";
      }
    }
    return null;
  }

  private static String featureOf(Scenario scenario) {
    URI uri = scenario.getUri();
    String path = uri.getSchemeSpecificPart();
    int at = path.lastIndexOf("features/");
    return (at >= 0 ? path.substring(at) : path) + ":" + scenario.getLine();
  }

  private static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }
}
