package dev.chimney.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.chimney.rules.RuleResult;
import dev.chimney.trace.Observations;
import dev.chimney.trace.TraceReport;
import dev.chimney.wire.capture.CaptureNotice;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes {@code check-trace --format json}: a capture's rule verdicts in the same entries as {@code
 * certification.json} ({@link CertificationJson.RuleEntry}), with the capture's counts and
 * observations beside them; {@code rules}, {@code packets} and {@code connections} first. Written
 * field by field with Jackson's generator, not databind, whose start-up would cost a short
 * check-trace more than the capture does; the layout is databind's indented output, byte for byte.
 * Stateless; any thread.
 */
public final class TraceJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private TraceJson() {}

  /** Writes {@code report} to {@code out} as one JSON document, without closing {@code out}. */
  public static void write(TraceReport report, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
      document(g, report);
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static void document(JsonGenerator g, TraceReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("capture", r.capture().toString());
    g.writeStringField("format", r.format());
    g.writeArrayFieldStart("rules");
    for (RuleResult result : r.rules()) {
      rule(g, CertificationJson.rule(result));
    }
    g.writeEndArray();
    g.writeNumberField("packets", r.packets());
    g.writeNumberField("connections", r.connections());
    g.writeNumberField("tcpSegments", r.tcpSegments());
    g.writeNumberField("notTcp", r.notTcp());
    g.writeNumberField("headersCut", r.headersCut());
    g.writeNumberField("malformed", r.malformed());
    g.writeNumberField("truncatedJudged", r.truncatedJudged());
    g.writeNumberField("maxLiveConnections", r.maxLiveConnections());
    g.writeBooleanField("targetKnown", r.targetKnown());
    g.writeStringField("actionsFrom", r.actionsFrom());
    g.writeStringField("damage", r.damage());
    g.writeArrayFieldStart("notices");
    for (CaptureNotice notice : r.notices()) {
      g.writeString(notice.toString());
    }
    g.writeEndArray();
    g.writeNumberField("noticeCount", r.noticeCount());
    g.writeFieldName("observations");
    observations(g, r.observations());
    g.writeArrayFieldStart("expectations");
    for (TraceReport.Expectation e : r.expectations()) {
      g.writeStartObject();
      g.writeStringField("ruleId", e.ruleId());
      g.writeStringField("expected", name(e.expected()));
      g.writeStringField("actual", name(e.actual()));
      g.writeNumberField("line", e.line());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A {@link CertificationJson.RuleEntry}, its fields in their order there. */
  private static void rule(JsonGenerator g, CertificationJson.RuleEntry rule) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rule.id());
    g.writeStringField("level", rule.level());
    g.writeStringField("verdict", name(rule.verdict()));
    g.writeNumberField("scenarios", rule.scenarios());
    g.writeArrayFieldStart("evidence");
    for (CertificationJson.EvidenceEntry e : rule.evidence()) {
      g.writeStartObject();
      g.writeStringField("rule", e.rule());
      g.writeStringField("scenario", e.scenario());
      g.writeStringField("expected", e.expected());
      g.writeStringField("actual", e.actual());
      g.writeStringField("where", e.where());
      g.writeStringField("message", e.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("reason", rule.reason());
    g.writeStringField("title", rule.title());
    g.writeStringField("area", rule.area());
    g.writeEndObject();
  }

  /** The observations, each list capped at {@link Observations#MAX_ENTRIES} with its full count. */
  private static void observations(JsonGenerator g, Observations o) throws IOException {
    g.writeStartObject();
    g.writeNumberField("rstCount", o.rstCount());
    g.writeArrayFieldStart("rsts");
    for (Observations.Rst rst : o.rsts()) {
      g.writeStartObject();
      g.writeNumberField("packet", rst.packet());
      g.writeStringField("connection", rst.connection());
      g.writeStringField("from", rst.from());
      g.writeBooleanField("abortiveRequested", rst.abortiveRequested());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("earlyFinCount", o.earlyFinCount());
    g.writeArrayFieldStart("earlyFins");
    for (Observations.EarlyFin fin : o.earlyFins()) {
      g.writeStartObject();
      g.writeNumberField("finPacket", fin.finPacket());
      g.writeNumberField("dataPacket", fin.dataPacket());
      g.writeStringField("connection", fin.connection());
      g.writeStringField("from", fin.from());
      g.writeNumberField("finSeq", fin.finSeq());
      g.writeNumberField("dataEnd", fin.dataEnd());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("afterRstCount", o.afterRstCount());
    g.writeArrayFieldStart("afterRsts");
    for (Observations.AfterRst after : o.afterRsts()) {
      g.writeStartObject();
      g.writeStringField("connection", after.connection());
      g.writeNumberField("rstPacket", after.rstPacket());
      g.writeNumberField("firstPacket", after.firstPacket());
      g.writeNumberField("segments", after.segments());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** An enum as databind writes it: its name, or null. */
  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
