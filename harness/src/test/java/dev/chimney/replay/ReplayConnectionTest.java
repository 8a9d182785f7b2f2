package dev.chimney.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.trace.JoinedCaptures;
import dev.chimney.trace.ManifestReader;
import dev.chimney.trace.TraceManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay --connection}: any connection of a capture with several, named as check-trace names them. */
class ReplayConnectionTest {
  private static final Path LINUX = ReplayTraces.TRACES.resolve("linux");

  @TempDir
  Path dir;

  private TraceManifest manifest;

  /** half-close (packets 1 to 10, TCP1), then graceful one second later (packets 11 to 18, TCP2). */
  @BeforeEach
  void twoKernelConnectionsInOneCapture() throws Exception {
    JoinedCaptures.join(dir.resolve("two.pcap"), List.of(new JoinedCaptures.Part(LINUX.resolve("half-close.pcap"), 0),
        new JoinedCaptures.Part(LINUX.resolve("graceful.pcap"), 1_000_000_000L)));
    Files.writeString(dir.resolve("two.yaml"), """
        capture: two.pcap
        target: 192.0.2.1:8080
        actions:
          - {packet: 4, do: send, bytes: 1000, id: 1}
          - {packet: 6, do: graceful-disconnect}
          - {packet: 14, connection: TCP2, do: send, bytes: 3000, id: 1}
          - {packet: 16, connection: TCP2, do: graceful-disconnect}
        """);
    manifest = new ManifestReader(ReplayTraces.CATALOGUE).read(dir.resolve("two.yaml"));
  }

  @Test
  void theSecondConnectionReplaysWithItsOwnSegmentsAndActions() throws Exception {
    RecordedTrace trace = RecordedTraceReader.read(manifest, "TCP2");
    assertThat(trace.packets()).extracting(RecordedPacket::number).containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
    assertThat(trace.actions()).extracting(a -> a.packet()).containsExactly(14L, 16L);

    ReplayReport r = replay(trace);
    assertThat(r.connection()).isEqualTo("TCP2");
    assertThat(r.differences()).as(ReplayTraces.describe(r)).isEmpty();
    assertThat(r.recordedTargetSegments()).isEqualTo(3);
    assertThat(r.allowed()).contains(new AllowedDifference("other connections", "1 other connection(s) in the capture"
        + " are not replayed: replay drives one, TCP2 (--connection names another)"));
  }

  @Test
  void theFirstConnectionIsTheDefaultsOne() throws Exception {
    RecordedTrace trace = RecordedTraceReader.read(manifest, RecordedTraceReader.FIRST_CONNECTION);
    assertThat(trace.packets()).extracting(RecordedPacket::number).allMatch(n -> n <= 10);
    ReplayReport r = replay(trace);
    assertThat(r.differences()).as(ReplayTraces.describe(r)).isEmpty();
    assertThat(r.passed()).isTrue();
  }

  @Test
  void aConnectionTheCaptureDoesNotHaveIsNamedInTheError() {
    assertThatThrownBy(() -> RecordedTraceReader.read(manifest, "TCP3")).isInstanceOf(ReplayInputException.class)
        .hasMessageEndingWith("two.pcap: no connection TCP3 to replay (the capture has 2, TCP1 to TCP2)");
  }

  private ReplayReport replay(RecordedTrace trace) throws Exception {
    return new Replayer(ReplayTraces.CATALOGUE, dev.chimney.host.Timeouts.DEFAULTS).replay(trace,
        dev.chimney.host.TargetRegistry.discover(List.of()).get("reference-nic"), "reference-nic", Timing.fast,
        dir.resolve("out"));
  }
}
