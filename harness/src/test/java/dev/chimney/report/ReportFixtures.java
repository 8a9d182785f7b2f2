package dev.chimney.report;

import dev.chimney.rules.Certification;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.Level;
import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.Capability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small certification of a target that breaks DSC-3: one rule of each verdict, three scenarios
 * (passed, failed, skipped), the failed one with a capture and an event log inside the output
 * folder. The evidence holds a pipe and a '<' to exercise the Markdown escaping.
 */
final class ReportFixtures {
  static final String TARGET = "faulty-rst-nic";
  static final String PASSED_SCENARIO = "Graceful close after offload sends FIN, not RST";
  static final String FAILED_SCENARIO = "Upload while the peer half-closes keeps the connection";
  static final String SKIPPED_SCENARIO = "Failover to a second NIC after UPLOAD_ALL";
  static final String CAPTURE_BYTES = "pcapng bytes of the failed scenario";
  static final String EVENT_LOG_TEXT = "#1 INITIATE_OFFLOAD\n#2 TERMINATE_OFFLOAD\n";
  static final String NOT_APPLICABLE_REASON = "target lacks capability FORWARD";
  static final String NOT_EXERCISED_REASON = "no scenario that ran exercised it";

  static final Evidence RST_EVIDENCE = new Evidence("DSC-3", FAILED_SCENARIO,
      "no RST without an abortive disconnect", "RST seq 1001 | ack 0 <flags R>",
      "capture captures/upload-half-close.pcapng packet 14");
  static final Evidence SECOND_RST_EVIDENCE = new Evidence("DSC-3", FAILED_SCENARIO,
      "no RST without an abortive disconnect", "RST seq 2001", "capture captures/upload-half-close.pcapng packet 22");

  static final Rule DSC_3 = rule("DSC-3", "Disconnect",
      "RST only on abortive close: the target sends no RST segment in any other case.", Level.REQUIRED, null);
  static final Rule TOC_1 = rule("TOC-1", "Terminate completion",
      "The target completes a terminate with NdisMTerminateOffloadComplete, exactly once.", Level.REQUIRED, null);
  static final Rule FWD_1 = rule("FWD-1", "Forwarding",
      "Forwarded segments reach the host unchanged.", Level.OPTIONAL, Capability.FORWARD);
  static final Rule TRM_8 = rule("TRM-8", "Terminate request",
      "Failover: connections uploaded after UPLOAD_ALL carry on from another NIC.", Level.REQUIRED, null);

  private ReportFixtures() {}

  /** The certification, with the failed scenario's capture and event log written under {@code outDir}. */
  static Certification certification(Path outDir) throws IOException {
    Path capture = outDir.resolve("captures/upload-half-close.pcapng");
    Path eventLog = outDir.resolve("events/upload-half-close.log");
    Files.createDirectories(capture.getParent());
    Files.createDirectories(eventLog.getParent());
    Files.write(capture, CAPTURE_BYTES.getBytes(StandardCharsets.UTF_8));
    Files.writeString(eventLog, EVENT_LOG_TEXT, StandardCharsets.UTF_8);

    ScenarioResult passed = new ScenarioResult(PASSED_SCENARIO, "features/disconnect.feature:12",
        List.of("DSC-3", "TOC-1"), ScenarioResult.Status.PASSED, null,
        Map.of("TOC-1", Verdict.PASS, "DSC-3", Verdict.PASS), List.of(), null, null, 1_000_000L);
    ScenarioResult failed = new ScenarioResult(FAILED_SCENARIO, "features/terminate.feature:30",
        List.of("TOC-1", "DSC-3"), ScenarioResult.Status.FAILED,
        RST_EVIDENCE.message() + "\n" + SECOND_RST_EVIDENCE.message(),
        Map.of("DSC-3", Verdict.FAIL, "TOC-1", Verdict.PASS), List.of(RST_EVIDENCE, SECOND_RST_EVIDENCE),
        capture, eventLog, 2_000_000L);
    ScenarioResult skipped = new ScenarioResult(SKIPPED_SCENARIO, "features/failover.feature:5",
        List.of("TRM-8"), ScenarioResult.Status.SKIPPED, null, Map.of(), List.of(), null, null, 0L);

    List<RuleResult> rules = List.of(
        new RuleResult(DSC_3, Verdict.FAIL, 2, List.of(RST_EVIDENCE, SECOND_RST_EVIDENCE), null),
        new RuleResult(TOC_1, Verdict.PASS, 2, List.of(), null),
        new RuleResult(FWD_1, Verdict.NOT_APPLICABLE, 0, List.of(), NOT_APPLICABLE_REASON),
        new RuleResult(TRM_8, Verdict.NOT_EXERCISED, 0, List.of(), NOT_EXERCISED_REASON));
    return new Certification(TARGET, false, rules, List.of(passed, failed, skipped));
  }

  private static Rule rule(String id, String area, String text, Level level, Capability requires) {
    return new Rule(id, area, text, Set.of("target"), Set.of("wire"), level, requires);
  }
}
