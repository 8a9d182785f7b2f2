package dev.chimney.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chimney.replay.AllowedDifference;
import dev.chimney.replay.ReplayReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes {@code replay --format json}: the rules in the same entries as {@code certification.json}
 * ({@link CertificationJson.RuleEntry}), then the differences ({@code packet}, {@code field},
 * {@code expected}, {@code actual}, {@code message}) and the allowed ones. Stateless; any thread.
 */
public final class ReplayJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReplayJson() {}

  /** Writes {@code report} to {@code out} as one JSON document, without closing {@code out}. */
  public static void write(ReplayReport report, Writer out) throws IOException {
    MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, document(report));
    out.write(System.lineSeparator());
    out.flush();
  }

  static Document document(ReplayReport r) {
    return new Document(r.passed(), r.trace(), r.manifest().toString(), r.connection(), r.target(), r.timing().name(),
        r.rules().stream().map(CertificationJson::rule).toList(),
        r.differences().stream().map(d -> new DifferenceEntry(d.packet(), d.live(), d.field(), d.expected(),
            d.actual(), d.message())).toList(),
        r.allowed(), r.problems(), r.recordedTargetSegments(), r.liveTargetSegments(), r.peerSegmentsSent(),
        r.capture().toString(), r.reportFiles().stream().map(Object::toString).toList());
  }

  /** The whole document; {@code passed} and {@code rules} first. */
  record Document(boolean passed, String trace, String manifest, String connection, String target, String timing,
      List<CertificationJson.RuleEntry> rules, List<DifferenceEntry> differences, List<AllowedDifference> allowed,
      List<String> problems, int recordedTargetSegments, int liveTargetSegments, int peerSegmentsSent, String capture,
      List<String> reports) {}

  /** One difference; {@code packet} 0 and {@code live} K for a live segment beyond the recording. */
  record DifferenceEntry(long packet, int live, String field, String expected, String actual, String message) {}
}
