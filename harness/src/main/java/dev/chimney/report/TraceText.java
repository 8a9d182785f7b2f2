package dev.chimney.report;

import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import dev.chimney.trace.Observations;
import dev.chimney.trace.TraceReport;
import dev.chimney.wire.capture.CaptureNotice;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code check-trace}'s default output: the capture's counts, each judged rule with its
 * evidence, the observations, and the manifest's expectations. Rules a capture cannot show are
 * summed up in one line. Stateless; any thread.
 */
public final class TraceText {
  /** Observation lines printed per kind; the count says how many more there were. */
  static final int MAX_LINES = 50;

  private TraceText() {}

  /** Prints {@code r} to {@code out}. */
  public static void write(TraceReport r, PrintWriter out) {
    out.printf("capture:     %s (%s)%n", r.capture(), r.format());
    out.printf("packets:     %d, %d TCP segments in %d connection(s) (at most %d live); %d not TCP skipped%n",
        r.packets(), r.tcpSegments(), r.connections(), r.maxLiveConnections(), r.notTcp());
    if (r.headersCut() + r.malformed() + r.truncatedJudged() > 0) {
      out.printf("snap length: %d cut after their headers (judged from the headers), %d cut inside them and %d"
          + " malformed (not judged)%n", r.truncatedJudged(), r.headersCut(), r.malformed());
    }
    out.printf("target:      %s; host actions from %s%n",
        r.targetKnown() ? "known" : "unknown (no manifest 'target:', no direction flags)", r.actionsFrom());
    if (r.damage() != null) {
      out.println("damaged:     " + r.damage());
    }
    for (CaptureNotice n : r.notices()) {
      out.println("notice:      " + n);
    }
    if (r.noticeCount() > r.notices().size()) {
      out.printf("notice:      ... %d more%n", r.noticeCount() - r.notices().size());
    }
    out.println();
    int notApplicable = 0;
    for (RuleResult rule : r.rules()) {
      if (rule.verdict() == Verdict.NOT_APPLICABLE) {
        notApplicable++;
        continue;
      }
      String detail = rule.verdict() == Verdict.PASS ? rule.scenarios() + " connection(s)"
          : rule.reason() == null ? "" : rule.reason();
      out.printf("%-14s %-6s %s%n", rule.verdict(), rule.rule().id(), detail);
      for (Evidence e : rule.evidence()) {
        out.println("      " + e.message());
      }
    }
    out.printf("NOT_APPLICABLE %d other rules: seen on the API, which a capture does not record%n", notApplicable);
    observations(r.observations(), out);
    expectations(r.expectations(), out);
    out.println();
    out.printf("summary:     %s%n", summary(r.rules()));
    out.flush();
  }

  private static void observations(Observations o, PrintWriter out) {
    out.println();
    out.printf("RSTs: %d%n", o.rstCount());
    lines(o.rsts().stream().map(x -> String.format("  packet %d %s from %s; abortive disconnect requested: %s",
        x.packet(), x.connection(), x.from(), x.abortiveRequested() ? "yes" : "no (none known)")).toList(), o.rstCount(), out);
    out.printf("FINs before the end of the data: %d%n", o.earlyFinCount());
    lines(o.earlyFins().stream().map(x -> String.format("  packet %d %s from %s: FIN at seq %d, then data up to seq %d"
        + " in packet %d", x.finPacket(), x.connection(), x.from(), x.finSeq(), x.dataEnd(), x.dataPacket())).toList(),
        o.earlyFinCount(), out);
    out.printf("connections with segments after an RST: %d%n", o.afterRstCount());
    lines(o.afterRsts().stream().map(x -> String.format("  %s: %d segment(s) after the RST in packet %d, the first"
        + " in packet %d", x.connection(), x.segments(), x.rstPacket(), x.firstPacket())).toList(), o.afterRstCount(), out);
  }

  private static void lines(List<String> lines, long count, PrintWriter out) {
    lines.stream().limit(MAX_LINES).forEach(out::println);
    if (count > Math.min(lines.size(), MAX_LINES)) {
      out.printf("  ... %d more%n", count - Math.min(lines.size(), MAX_LINES));
    }
  }

  private static void expectations(List<TraceReport.Expectation> expectations, PrintWriter out) {
    if (expectations.isEmpty()) {
      return;
    }
    long unmet = expectations.stream().filter(e -> !e.met()).count();
    out.println();
    out.printf("manifest expectations: %d of %d met%n", expectations.size() - unmet, expectations.size());
    for (TraceReport.Expectation e : expectations) {
      if (!e.met()) {
        out.printf("  %s: expected %s, actual %s (manifest line %d)%n", e.ruleId(), e.expected(), e.actual(), e.line());
      }
    }
  }

  private static String summary(List<RuleResult> rules) {
    StringBuilder sb = new StringBuilder();
    for (Verdict v : List.of(Verdict.FAIL, Verdict.PASS, Verdict.NOT_EXERCISED, Verdict.NOT_APPLICABLE)) {
      long n = rules.stream().filter(r -> r.verdict() == v).count();
      sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(v.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return sb.toString();
  }
}
