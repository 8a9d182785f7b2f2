package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every trace shipped in {@code traces/} gets the verdicts its manifest expects, and each FAIL
 * comes with evidence that names its rule and the packet or event that shows it.
 */
class ShippedTracesTest {
  static final Path TRACES = Path.of("..", ManifestReader.TRACES_FOLDER).toAbsolutePath().normalize();
  private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

  static List<Path> manifests() throws IOException {
    try (Stream<Path> files = Files.walk(TRACES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedTraceGetsItsExpectedVerdicts() throws IOException {
    return manifests().stream().map(m -> DynamicTest.dynamicTest(TRACES.relativize(m).toString(), () -> {
      TraceManifest manifest = new ManifestReader(CATALOGUE).read(m);
      assertThat(manifest.expect()).as("%s expects verdicts", m).isNotEmpty();
      TraceReport report = new TraceJudge(CATALOGUE, manifest.capture(), manifest).judge();
      assertThat(report.damage()).isNull();
      for (TraceReport.Expectation e : report.expectations()) {
        RuleResult r = report.rule(e.ruleId());
        assertThat(e.actual()).as("%s %s (manifest line %d); evidence %s", m.getFileName(), e.ruleId(), e.line(),
            r.evidence().stream().map(Evidence::message).toList()).isEqualTo(e.expected());
        if (e.expected() == Verdict.FAIL) {
          assertThat(r.evidence()).isNotEmpty().allSatisfy(ev -> assertThat(ev.message())
              .startsWith(e.ruleId() + ": expected ").containsPattern("packet \\d+|event #\\d+"));
        }
      }
    }));
  }

  @Test
  void theShippedSetCoversEachKindOfTrace() throws IOException {
    List<String> names = manifests().stream().map(p -> TRACES.relativize(p).toString().replace('\\', '/')).toList();
    assertThat(names).contains("linux/graceful.yaml", "linux/half-close.yaml", "linux/abortive.yaml",
        "linux/unread-close.yaml", "linux/data-after-close.yaml");
    assertThat(names).anyMatch(n -> n.startsWith("reference-nic/")).anyMatch(n -> n.startsWith("handmade/"));
  }

  @Test
  void theLinuxKernelsRstOnCloseWithUnreadDataBreaksDsc3WithTheRstAsEvidence() throws Exception {
    TraceManifest manifest = new ManifestReader(CATALOGUE).read(TRACES.resolve("linux/unread-close.yaml"));
    TraceReport report = new TraceJudge(CATALOGUE, manifest.capture(), manifest).judge();
    assertThat(report.rule("DSC-3").evidence()).singleElement().extracting(Evidence::message).asString()
        .startsWith("DSC-3: expected no RST from the target without an abortive disconnect before it, actual RST seq")
        .contains("capture unread-close.pcap packet 6");
    assertThat(report.observations().rsts()).singleElement()
        .satisfies(rst -> assertThat(rst.abortiveRequested()).isFalse())
        .satisfies(rst -> assertThat(rst.from()).isEqualTo("192.0.2.1:8080"));
  }
}
