package dev.chimney.replay;

import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * What a replay found. Immutable.
 *
 * @param trace the trace's name
 * @param manifest the manifest file
 * @param connection the capture's connection replayed ("TCP1", as check-trace names it)
 * @param target the live target's name
 * @param timing how the peer's segments were paced
 * @param rules one result per catalogue rule, as the monitors judged the live run
 * @param differences the target's live segments against its recorded ones, that count
 * @param allowed the differences not counted, each with its reason
 * @param problems what stopped the replay, and what the target did that the SPI forbids; empty when none
 * @param recordedTargetSegments the target's recorded segments after the handshake
 * @param liveTargetSegments the target's live segments after the handshake
 * @param peerSegmentsSent the recorded peer segments re-sent
 * @param capture the live capture (host events as packet comments)
 * @param reportFiles the certification.json and certification.md written
 */
public record ReplayReport(String trace, Path manifest, String connection, String target, Timing timing,
    List<RuleResult> rules, List<Difference> differences, List<AllowedDifference> allowed, List<String> problems,
    int recordedTargetSegments, int liveTargetSegments, int peerSegmentsSent, Path capture, List<Path> reportFiles) {
  public ReplayReport {
    rules = List.copyOf(rules);
    differences = List.copyOf(differences);
    allowed = List.copyOf(allowed);
    problems = List.copyOf(problems);
    reportFiles = List.copyOf(reportFiles);
  }

  /** True when no rule FAILed, nothing differed that counts, and the replay ran to the end. */
  public boolean passed() {
    return rules.stream().noneMatch(r -> r.verdict() == Verdict.FAIL) && differences.isEmpty() && problems.isEmpty();
  }

  /** The verdict of {@code ruleId}, or null when the catalogue has no such rule. */
  public Verdict verdict(String ruleId) {
    return rules.stream().filter(r -> r.rule().id().equals(ruleId)).map(RuleResult::verdict).findFirst().orElse(null);
  }
}
