package dev.chimney.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chimney.trace.Observations;
import dev.chimney.trace.TraceReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes {@code check-trace --format json}: a capture's rule verdicts in the same entries as {@code
 * certification.json} ({@link CertificationJson.RuleEntry}), with the capture's counts and
 * observations beside them. Stateless; any thread.
 */
public final class TraceJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private TraceJson() {}

  /** Writes {@code report} to {@code out} as one JSON document, without closing {@code out}. */
  public static void write(TraceReport report, Writer out) throws IOException {
    MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, document(report));
    out.write(System.lineSeparator());
    out.flush();
  }

  static Document document(TraceReport r) {
    Observations o = r.observations();
    return new Document(r.capture().toString(), r.format(), r.rules().stream().map(CertificationJson::rule).toList(),
        r.packets(), r.connections(), r.tcpSegments(), r.notTcp(), r.headersCut(), r.malformed(), r.truncatedJudged(),
        r.maxLiveConnections(), r.targetKnown(), r.actionsFrom(), r.damage(),
        r.notices().stream().map(Object::toString).toList(), r.noticeCount(),
        new ObservationEntry(o.rstCount(), o.rsts(), o.earlyFinCount(), o.earlyFins(), o.afterRstCount(), o.afterRsts()),
        r.expectations());
  }

  /** The whole document; {@code rules}, {@code packets} and {@code connections} first. */
  record Document(String capture, String format, List<CertificationJson.RuleEntry> rules, long packets,
      long connections, long tcpSegments, long notTcp, long headersCut, long malformed, long truncatedJudged,
      long maxLiveConnections, boolean targetKnown, String actionsFrom, String damage, List<String> notices,
      long noticeCount, ObservationEntry observations, List<TraceReport.Expectation> expectations) {}

  /** The observations, each list capped at {@link Observations#MAX_ENTRIES} with its full count. */
  record ObservationEntry(long rstCount, List<Observations.Rst> rsts, long earlyFinCount,
      List<Observations.EarlyFin> earlyFins, long afterRstCount, List<Observations.AfterRst> afterRsts) {}
}
