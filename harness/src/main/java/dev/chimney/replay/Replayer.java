package dev.chimney.replay;

import dev.chimney.host.Timeouts;
import dev.chimney.report.Reports;
import dev.chimney.report.WrittenReports;
import dev.chimney.rules.Certification;
import dev.chimney.rules.CertificationJudge;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.spi.OffloadTargetProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay from a read trace to its report: drives the target ({@link ReplayDriver}), compares
 * ({@link SegmentComparison}), and writes {@code certification.json} and {@code certification.md}
 * with the report writers {@code certify} uses, the replay being their one scenario. Called by the
 * {@code replay} command and the tests, on one thread.
 */
public final class Replayer {
  private final RuleCatalogue catalogue;
  private final Timeouts timeouts;

  /**
   * @param catalogue the rules the monitors judge
   * @param timeouts the host's waits
   */
  public Replayer(RuleCatalogue catalogue, Timeouts timeouts) {
    this.catalogue = catalogue;
    this.timeouts = timeouts;
  }

  /**
   * Replays {@code trace} against {@code provider}'s target, writing the capture and reports into {@code outDir}.
   *
   * @param targetName the name the user gave, for the reports
   * @throws IOException when the capture or the reports cannot be written
   */
  public ReplayReport replay(RecordedTrace trace, OffloadTargetProvider provider, String targetName, Timing timing,
      Path outDir) throws IOException {
    ReplayDriver.LiveRun live = new ReplayDriver(provider, catalogue, timeouts, timing).run(trace, outDir);
    SegmentComparison.Result comparison = SegmentComparison.compare(trace, live, timing);
    List<Difference> differences = comparison.differences();
    List<String> failures = new ArrayList<>(live.problems());
    if (live.verdicts().failed()) {
      failures.add(0, live.verdicts().failureMessage());
    }
    differences.forEach(d -> failures.add(d.message()));
    ScenarioResult scenario = new ScenarioResult("replay of " + trace.name(), trace.manifest().file().toString(),
        List.of(), failures.isEmpty() ? ScenarioResult.Status.PASSED : ScenarioResult.Status.FAILED,
        failures.isEmpty() ? null : String.join("\n", failures), live.verdicts().verdicts(), live.verdicts().evidence(),
        live.capture(), live.events(), live.durationNanos());
    Certification certification = CertificationJudge.judge(targetName, provider.capabilities(), catalogue,
        List.of(scenario));
    // No Allure results come from a replay: the page is not generated, the JSON and Markdown are.
    WrittenReports written = Reports.writeAll(certification, outDir, null);
    return new ReplayReport(trace.name(), trace.manifest().file(), trace.connection(), targetName, timing,
        certification.rules(), differences, comparison.allowed(), live.problems(), trace.targetSegments().size(),
        live.targetSegments().size(), live.peerSegmentsSent(), live.capture(),
        List.of(written.json(), written.markdown()));
  }
}
