package dev.chimney.trace;

import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import dev.chimney.wire.capture.CaptureNotice;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code check-trace} found in one capture: the verdict of every catalogue rule, the
 * observations, and what the reader counted and skipped. Immutable.
 *
 * @param capture the capture file
 * @param format the capture's format, as the reader describes it
 * @param packets records read (every packet, TCP or not), up to any damage
 * @param tcpSegments the TCP segments among them
 * @param notTcp records skipped as not TCP (ARP, UDP, ICMP, non-first fragments...)
 * @param headersCut records the snap length cut inside their headers: not judged
 * @param malformed records whose headers contradict themselves: not judged
 * @param truncatedJudged records cut by the snap length after their headers: judged from the headers
 * @param connections TCP connections seen
 * @param maxLiveConnections the most connections held at once (what memory followed)
 * @param targetKnown whether the offload target's side was known (manifest or direction flags)
 * @param actionsFrom where the host actions came from: "manifest", "comments" or "none"
 * @param damage why reading stopped before the end of the file, or null when it read to the end
 * @param notices the reader's first notices
 * @param noticeCount how many notices there were
 * @param rules one result per catalogue rule, in catalogue order
 * @param observations RSTs, early FINs and segments after RSTs
 * @param expectations the manifest's expected verdicts and what the rules got, in manifest order
 */
public record TraceReport(Path capture, String format, long packets, long tcpSegments, long notTcp,
    long headersCut, long malformed, long truncatedJudged, long connections, long maxLiveConnections,
    boolean targetKnown, String actionsFrom, String damage, List<CaptureNotice> notices, long noticeCount,
    List<RuleResult> rules, Observations observations, List<Expectation> expectations) {

  /** A manifest's expected verdict for a rule, and the verdict it got. */
  public record Expectation(String ruleId, Verdict expected, Verdict actual, int line) {
    /** True when they agree. */
    public boolean met() {
      return expected == actual;
    }
  }

  /** True when some rule FAILed. */
  public boolean failed() {
    return rules.stream().anyMatch(r -> r.verdict() == Verdict.FAIL);
  }

  /** The result for {@code ruleId}, or null when the catalogue has no such rule. */
  public RuleResult rule(String ruleId) {
    return rules.stream().filter(r -> r.rule().id().equals(ruleId)).findFirst().orElse(null);
  }
}
