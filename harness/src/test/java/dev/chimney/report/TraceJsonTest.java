package dev.chimney.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.trace.ManifestReader;
import dev.chimney.trace.Observations;
import dev.chimney.trace.TraceJudge;
import dev.chimney.trace.TraceManifest;
import dev.chimney.trace.TraceReport;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * check-trace's JSON is the document databind wrote from the records below (what TraceJson did
 * before it wrote field by field), byte for byte: on shipped traces with evidence, observations of
 * each kind and expectations, and on a damaged capture with notices.
 */
class TraceJsonTest {
  private static final Path TRACES = Path.of("..", ManifestReader.TRACES_FOLDER).toAbsolutePath().normalize();
  private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
  private static final ObjectMapper DATABIND = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"linux/unread-close.yaml", "reference-nic/abortive-with-sends.yaml",
      "reference-nic/stray-segment-no-rst.yaml", "reference-nic/nothing-acked-after-abort.yaml",
      "handmade/abort-without-rst.yaml"})
  void aShippedTraceIsWhatDatabindWrote(String manifestFile) throws Exception {
    TraceManifest manifest = new ManifestReader(CATALOGUE).read(TRACES.resolve(manifestFile));
    assertSameAsDatabind(new TraceJudge(CATALOGUE, manifest.capture(), manifest).judge());
  }

  @ParameterizedTest
  @ValueSource(strings = {"linux/data-after-close.pcap", "handmade/abort-without-rst.pcapng"})
  void aDamagedCaptureIsWhatDatabindWrote(String capture) throws Exception {
    byte[] bytes = Files.readAllBytes(TRACES.resolve(capture));
    Path cut = Files.write(dir.resolve("cut-" + Path.of(capture).getFileName()), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    TraceReport report = new TraceJudge(CATALOGUE, cut, null).judge();
    assertThat(report.damage()).as("damage").isNotNull();
    assertSameAsDatabind(report);
  }

  private static void assertSameAsDatabind(TraceReport report) throws Exception {
    StringWriter written = new StringWriter();
    TraceJson.write(report, written);
    assertThat(written.toString()).isEqualTo(DATABIND.writeValueAsString(document(report)) + System.lineSeparator());
  }

  private static Document document(TraceReport r) {
    Observations o = r.observations();
    return new Document(r.capture().toString(), r.format(), r.rules().stream().map(CertificationJson::rule).toList(),
        r.packets(), r.connections(), r.tcpSegments(), r.notTcp(), r.headersCut(), r.malformed(), r.truncatedJudged(),
        r.maxLiveConnections(), r.targetKnown(), r.actionsFrom(), r.damage(),
        r.notices().stream().map(Object::toString).toList(), r.noticeCount(),
        new ObservationEntry(o.rstCount(), o.rsts(), o.earlyFinCount(), o.earlyFins(), o.afterRstCount(), o.afterRsts()),
        r.expectations());
  }

  record Document(String capture, String format, List<CertificationJson.RuleEntry> rules, long packets,
      long connections, long tcpSegments, long notTcp, long headersCut, long malformed, long truncatedJudged,
      long maxLiveConnections, boolean targetKnown, String actionsFrom, String damage, List<String> notices,
      long noticeCount, ObservationEntry observations, List<TraceReport.Expectation> expectations) {}

  record ObservationEntry(long rstCount, List<Observations.Rst> rsts, long earlyFinCount,
      List<Observations.EarlyFin> earlyFins, long afterRstCount, List<Observations.AfterRst> afterRsts) {}
}
