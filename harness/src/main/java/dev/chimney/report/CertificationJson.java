package dev.chimney.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chimney.rules.Certification;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.rules.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code certification.json}: the certification as CI and other tools read it. The
 * records below are the file's shape, field for field; paths in it are relative to the output
 * folder so the folder can be moved or archived whole.
 */
final class CertificationJson {
  private CertificationJson() {}

  /** Writes the certification to {@code file}; capture and event-log paths relative to {@code outDir}. */
  static Path write(Certification certification, Path outDir, Path file) throws IOException {
    // A mapper per file, not a static one: check-trace uses this class's rule entries (TraceJson)
    // and must not pay for databind's start-up when the class loads.
    ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    mapper.writeValue(file.toFile(), document(certification, outDir));
    return file;
  }

  static Document document(Certification certification, Path outDir) {
    return new Document(certification.target(), certification.certified(),
        certification.rules().stream().map(CertificationJson::rule).toList(),
        new ScenarioCounts(certification.scenarios().size(), certification.count(ScenarioResult.Status.PASSED),
            certification.count(ScenarioResult.Status.FAILED), certification.count(ScenarioResult.Status.SKIPPED)),
        certification.scenarios().stream().map(s -> scenario(s, outDir)).toList());
  }

  static RuleEntry rule(RuleResult result) {
    return new RuleEntry(result.rule().id(), result.rule().level().label(),
        result.verdict(), result.scenarios(), result.evidence().stream().map(CertificationJson::evidence).toList(),
        result.reason(), result.rule().text(), result.rule().area());
  }

  private static ScenarioEntry scenario(ScenarioResult result, Path outDir) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    MonitorVerdictOrder.ordered(result).forEach(e -> verdicts.put(e.getKey(), e.getValue()));
    return new ScenarioEntry(result.name(), result.feature(), result.status(), result.rules(), result.failure(),
        ReportPaths.relative(outDir, result.capture()), ReportPaths.relative(outDir, result.eventLog()),
        verdicts, result.evidence().stream().map(CertificationJson::evidence).toList(), result.durationNanos());
  }

  private static EvidenceEntry evidence(Evidence evidence) {
    return new EvidenceEntry(evidence.ruleId(), evidence.scenario(), evidence.expected(), evidence.actual(),
        evidence.where(), evidence.message());
  }

  /** The whole file. */
  record Document(String target, boolean certified, List<RuleEntry> rules, ScenarioCounts scenarios,
      List<ScenarioEntry> scenarioResults) {}

  /** One catalogue rule's verdict; {@code level} is "required" or "optional", {@code title} the rule's text. */
  record RuleEntry(String id, String level, Verdict verdict, int scenarios, List<EvidenceEntry> evidence,
      String reason, String title, String area) {}

  /** How many scenarios ran, by status. */
  record ScenarioCounts(long total, long passed, long failed, long skipped) {}

  /** One scenario; {@code capture} and {@code eventLog} are relative paths with '/' separators, or null. */
  record ScenarioEntry(String name, String feature, ScenarioResult.Status status, List<String> rules,
      String failure, String capture, String eventLog, Map<String, Verdict> monitorVerdicts,
      List<EvidenceEntry> evidence, long durationNanos) {}

  /** One finding of a monitor. */
  record EvidenceEntry(String rule, String scenario, String expected, String actual, String where,
      String message) {}
}
