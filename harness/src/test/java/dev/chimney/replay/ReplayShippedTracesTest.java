package dev.chimney.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.Verdict;
import dev.chimney.trace.ManifestReader;
import dev.chimney.trace.TraceManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped trace replayed against the reference NIC: no rule FAILs, the replay runs to its end,
 * and the target's segments differ from the recording exactly where {@link #DIFFERENCES} says,
 * each with the reason. The reference NIC's own recordings replay with no difference and the
 * verdicts their manifests expect.
 */
class ReplayShippedTracesTest {
  /**
   * The traces whose recorded target is not the reference NIC behaving as it does now, with the
   * differences the replay must show and why. Every other shipped trace replays with none.
   */
  static final Map<String, List<String>> DIFFERENCES = Map.ofEntries(
      // The kernel's RST carries ACK; the reference NIC's abortive RST does not.
      Map.entry("linux/abortive", List.of("packet 6 flags: expected RST|ACK, actual RST")),
      // The orphaned kernel socket answered the data with an RST (DSC-9 FAIL in the recording).
      Map.entry("linux/data-after-close", List.of("packet 9 flags: expected RST, actual ACK")),
      // The kernel reset on close() with unread data (DSC-3, DSC-7 FAIL in the recording).
      Map.entry("linux/unread-close", List.of("packet 6 flags: expected RST|ACK, actual FIN|ACK")),
      // Hand-made: the target's 500 bytes come from no host send in the manifest, so the live
      // target has nothing to send. The peer's ACK of those 500 bytes reaches it before the abortive
      // disconnect, as recorded: it acknowledges nothing it sent, so the target answers with an ACK
      // (RFC 9293 3.10.7.4); then the disconnect's RST.
      Map.entry("handmade/abort-without-rst", List.of("packet 4 flags: expected PSH|ACK, actual ACK",
          "packet 4 len: expected 500, actual 0", "packet 6 flags: expected FIN|ACK, actual RST",
          "packet 6 seq: expected 501, actual 1")),
      Map.entry("handmade/rst-without-abort", List.of("packet 4 flags: expected PSH|ACK, actual ACK",
          "packet 4 len: expected 500, actual 0",
          "packet 6 segment: expected RST|ACK seq 501 ack 1 len 0, actual none (the target sent 1 after the handshake)")),
      // Hand-made RST with ACK; the reference NIC's has none.
      Map.entry("handmade/ack-after-abort", List.of("packet 7 flags: expected RST|ACK, actual RST")),
      // Hand-made: the recorded target dropped 1000 bytes before its FIN; the reference NIC sends them all.
      Map.entry("handmade/fin-drops-data", List.of(
          "packet 4 flags: expected PSH|ACK, actual ACK", "packet 4 len: expected 2000, actual 1460",
          "packet 5 flags: expected FIN|ACK, actual ACK", "packet 5 seq: expected 2001, actual 1461",
          "packet 5 len: expected 0, actual 1460",
          "live segment 3 segment: expected none (the recording has 2), actual PSH|ACK seq 2921 ack 1 len 80",
          "live segment 4 segment: expected none (the recording has 2), actual FIN|ACK seq 3001 ack 1 len 0")));

  /**
   * Rules a recording's manifest expects NOT_EXERCISED (check-trace cannot see them) that the live
   * run judges, by trace, with the reason.
   */
  static final Map<String, Map<String, String>> LIVE_SEES_MORE = Map.of("reference-nic/stray-segment-no-rst",
      Map.of("TOC-3", "the terminate's delegated state is in the completion on the API, which certify's packet"
          + " comments do not carry: check-trace leaves TOC-3 unjudged, the live monitor judges it"));

  @TempDir
  Path out;

  static List<String> traces() throws IOException {
    try (Stream<Path> files = Files.walk(ReplayTraces.TRACES)) {
      return files.filter(p -> p.toString().endsWith(".yaml"))
          .map(p -> ReplayTraces.TRACES.relativize(p).toString().replace('\\', '/').replaceAll("\\.yaml$", ""))
          .sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedTraceReplaysOnTheReferenceNic() throws IOException {
    return traces().stream().map(trace -> DynamicTest.dynamicTest(trace, () -> {
      ReplayReport r = ReplayTraces.replay(trace, "reference-nic", Timing.fast, out.resolve(trace));
      String why = ReplayTraces.describe(r);
      assertThat(r.rules()).as("no rule FAILs on the reference NIC:%n%s", why)
          .noneMatch(rule -> rule.verdict() == Verdict.FAIL);
      assertThat(r.problems()).as("the replay ran to its end").isEmpty();
      assertThat(r.differences().stream().map(Difference::message).toList()).as("differences from the recording")
          .containsExactlyElementsOf(DIFFERENCES.getOrDefault(trace, List.of()));
      assertThat(r.passed()).isEqualTo(!DIFFERENCES.containsKey(trace));
      assertThat(r.capture()).exists();
      assertThat(r.reportFiles()).allMatch(Files::exists);
      assertThat(r.allowed()).extracting(AllowedDifference::what).contains("ISN", "timestamps", "window");
    }));
  }

  @TestFactory
  Stream<DynamicTest> theReferenceNicsRecordingsGetTheirManifestsVerdicts() throws IOException {
    return traces().stream().filter(t -> t.startsWith("reference-nic/")).map(trace -> DynamicTest.dynamicTest(trace, () -> {
      TraceManifest manifest = new ManifestReader(ReplayTraces.CATALOGUE).read(ReplayTraces.TRACES.resolve(trace + ".yaml"));
      ReplayReport r = ReplayTraces.replay(trace, "reference-nic", Timing.fast, out.resolve(trace));
      for (Map.Entry<String, Verdict> e : manifest.expect().entrySet()) {
        String reason = LIVE_SEES_MORE.getOrDefault(trace, Map.of()).get(e.getKey());
        Verdict expected = reason != null ? Verdict.PASS : e.getValue();
        assertThat(r.verdict(e.getKey())).as("%s live, as recorded (%s)", e.getKey(), reason).isEqualTo(expected);
      }
    }));
  }

  @Test
  void theExceptionsNameShippedTraces() throws IOException {
    assertThat(traces()).containsAll(DIFFERENCES.keySet());
  }

  @Test
  void aManifestThatDeclaresTheWindowComparableGetsItCompared() throws Exception {
    Path manifest = ReplayTraces.TRACES.resolve("linux/replay-test-window.yaml");
    Files.writeString(manifest, "capture: half-close.pcap\ntarget: 192.0.2.1:8080\ncompare-window: true\n");
    try {
      RecordedTrace trace = RecordedTraceReader.read(new ManifestReader(ReplayTraces.CATALOGUE).read(manifest),
          RecordedTraceReader.FIRST_CONNECTION);
      ReplayReport r = new Replayer(ReplayTraces.CATALOGUE, dev.chimney.host.Timeouts.DEFAULTS).replay(trace,
          dev.chimney.host.TargetRegistry.discover(List.of()).get("reference-nic"), "reference-nic", Timing.fast, out);
      assertThat(r.differences()).extracting(Difference::field).as(ReplayTraces.describe(r)).contains("window");
      assertThat(r.allowed()).extracting(AllowedDifference::what).doesNotContain("window");
    } finally {
      Files.delete(manifest);
    }
  }

  @Test
  void aCaptureMadeWithSegmentationOffloadReplaysWithItsSegmentsJoined() throws Exception {
    // graceful.pcap holds one 3000-byte segment (TSO); the reference NIC sends MSS-sized ones.
    ReplayReport r = ReplayTraces.replay("linux/graceful", "reference-nic", Timing.fast, out);
    assertThat(r.differences()).as(ReplayTraces.describe(r)).isEmpty();
    assertThat(r.allowed()).filteredOn(a -> a.what().equals("segmentation")).extracting(AllowedDifference::reason)
        .singleElement().asString().startsWith("packet 4 (3000 bytes) went live as segments 1 to 3 (3000 bytes)");
  }

  @Test
  void recordedTimingGivesTheSameAnswers() throws Exception {
    ReplayReport r = ReplayTraces.replay("reference-nic/graceful-with-data", "reference-nic", Timing.recorded, out);
    assertThat(r.passed()).as(ReplayTraces.describe(r)).isTrue();
    assertThat(r.verdict("DSC-7")).isEqualTo(Verdict.PASS);
  }
}
