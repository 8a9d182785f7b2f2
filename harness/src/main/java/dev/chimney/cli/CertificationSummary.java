package dev.chimney.cli;

import dev.chimney.rules.Certification;
import dev.chimney.rules.CertificationJudge;
import dev.chimney.rules.Level;
import dev.chimney.rules.ScenarioResult.Status;
import dev.chimney.rules.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The lines {@code certify} ends with: scenario and rule counts, the certification, the reports. */
final class CertificationSummary {
  private CertificationSummary() {}

  /** How many failing required rules the summary names; the reports name them all. */
  static final int NAMED_RULES = 10;

  /** Prints the summary of {@code certification}, whose reports are in {@code out}. */
  static void print(Certification certification, Path out, PrintWriter writer) {
    writer.println();
    writer.println("scenarios: " + certification.count(Status.PASSED) + " passed, "
        + certification.count(Status.FAILED) + " failed, " + certification.count(Status.SKIPPED) + " skipped");
    writer.println("rules:     " + Arrays.stream(Verdict.values())
        .map(v -> certification.rules().stream().filter(r -> r.verdict() == v).count() + " " + v.name())
        .collect(Collectors.joining(", ")));
    writer.println("certified: " + certified(certification) + " (target " + certification.target() + ")");
    writer.println("reports:   " + out.toAbsolutePath().normalize());
    writer.flush();
  }

  private static String certified(Certification certification) {
    if (certification.certified()) {
      return "yes";
    }
    List<String> missing = certification.rules().stream()
        .filter(r -> !CertificationJudge.acceptable(r))
        .map(r -> r.rule().id() + (r.rule().level() == Level.REQUIRED ? "" : " (optional)"))
        .toList();
    if (missing.isEmpty()) {
      return "no";
    }
    String named = String.join(", ", missing.subList(0, Math.min(NAMED_RULES, missing.size())));
    int more = missing.size() - NAMED_RULES;
    return "no, rules in the way: " + named + (more > 0 ? " and " + more + " more" : "");
  }
}
