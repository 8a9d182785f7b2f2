package dev.chimney.report;

import dev.chimney.replay.AllowedDifference;
import dev.chimney.replay.Difference;
import dev.chimney.replay.ReplayReport;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import java.io.PrintWriter;

/**
 * Writes {@code replay}'s default output: what was replayed, each rule the live run exercised with
 * its evidence, the differences from the recording, those allowed and why, and where the capture
 * and reports went. Stateless; any thread.
 */
public final class ReplayText {
  private ReplayText() {}

  /** Prints {@code r} to {@code out}. */
  public static void write(ReplayReport r, PrintWriter out) {
    out.printf("replay:      %s (%s), connection %s, against %s, timing %s%n", r.trace(), r.manifest(),
        r.connection(), r.target(), r.timing());
    out.printf("segments:    %d peer segments re-sent; target: %d recorded, %d live after the handshake%n",
        r.peerSegmentsSent(), r.recordedTargetSegments(), r.liveTargetSegments());
    out.println();
    int quiet = 0;
    for (RuleResult rule : r.rules()) {
      if (rule.verdict() == Verdict.NOT_APPLICABLE || rule.verdict() == Verdict.NOT_EXERCISED) {
        quiet++;
        continue;
      }
      out.printf("%-6s %s%n", rule.verdict(), rule.rule().id());
      for (Evidence e : rule.evidence()) {
        out.println("       " + e.message());
      }
    }
    out.printf("%d other rules NOT_EXERCISED or NOT_APPLICABLE (see certification.md)%n", quiet);
    out.println();
    if (r.differences().isEmpty()) {
      out.println("differences: none from the recorded target");
    } else {
      out.printf("differences: %d from the recorded target%n", r.differences().size());
      for (Difference d : r.differences()) {
        out.println("  " + d.message());
      }
    }
    out.println("allowed:");
    for (AllowedDifference a : r.allowed()) {
      out.println("  " + a.what() + ": " + a.reason());
    }
    for (String p : r.problems()) {
      out.println("problem:     " + p);
    }
    out.println();
    out.println("capture:     " + r.capture());
    r.reportFiles().forEach(f -> out.println("report:      " + f));
    out.println(r.passed() ? "REPLAY PASSED" : "REPLAY FAILED");
    out.flush();
  }
}
