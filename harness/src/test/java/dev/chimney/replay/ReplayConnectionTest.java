package dev.chimney.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.host.TargetRegistry;
import dev.chimney.host.Timeouts;
import dev.chimney.rules.Verdict;
import dev.chimney.trace.ActionKind;
import dev.chimney.trace.HostAction;
import dev.chimney.trace.ManifestReader;
import dev.chimney.trace.TraceManifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --connection}: any connection of a capture with several, named as check-trace names
 * them, on the kernel recording of two connections at once (packets interleaved; TCP1 graceful,
 * TCP2 closed by SO_LINGER {1, 0}).
 */
class ReplayConnectionTest {
  @TempDir
  Path out;

  private TraceManifest manifest;

  @BeforeEach
  void readTheManifest() throws Exception {
    manifest = new ManifestReader(ReplayTraces.CATALOGUE)
        .read(ReplayTraces.TRACES.resolve("linux/two-connections.yaml"));
  }

  @Test
  void theSecondConnectionReplaysWithItsOwnSegmentsAndActions() throws Exception {
    RecordedTrace trace = RecordedTraceReader.read(manifest, "TCP2");
    assertThat(trace.packets()).extracting(RecordedPacket::number).containsExactly(4L, 5L, 6L, 9L, 10L, 11L);
    assertThat(trace.actions()).extracting(HostAction::kind)
        .containsExactly(ActionKind.SEND, ActionKind.ABORTIVE_DISCONNECT, ActionKind.DISCONNECT_COMPLETE);

    ReplayReport r = replay(trace);
    assertThat(r.connection()).isEqualTo("TCP2");
    // Replayed as the abortive disconnect it was: the RST is the reference NIC's, without the
    // kernel's ACK, and the monitors judge it requested.
    assertThat(r.differences()).extracting(Difference::message).as(ReplayTraces.describe(r))
        .containsExactly("packet 11 flags: expected RST|ACK, actual RST");
    assertThat(r.verdict("DSC-2")).isEqualTo(Verdict.PASS);
    assertThat(r.verdict("DSC-3")).isEqualTo(Verdict.PASS);
    assertThat(r.allowed()).contains(new AllowedDifference("other connections", "1 other connection(s) in the capture"
        + " are not replayed: replay drives one, TCP2 (--connection names another)"));
  }

  @Test
  void theFirstConnectionIsTheDefaultsOne() throws Exception {
    RecordedTrace trace = RecordedTraceReader.read(manifest, RecordedTraceReader.FIRST_CONNECTION);
    assertThat(trace.packets()).extracting(RecordedPacket::number).containsExactly(1L, 2L, 3L, 7L, 8L, 12L, 13L, 14L);
    ReplayReport r = replay(trace);
    assertThat(r.differences()).as(ReplayTraces.describe(r)).isEmpty();
    assertThat(r.passed()).isTrue();
  }

  @Test
  void aConnectionTheCaptureDoesNotHaveIsNamedInTheError() {
    assertThatThrownBy(() -> RecordedTraceReader.read(manifest, "TCP3")).isInstanceOf(ReplayInputException.class)
        .hasMessageEndingWith("two-connections.pcap: no connection TCP3 to replay (the capture has 2, TCP1 to TCP2)");
  }

  private ReplayReport replay(RecordedTrace trace) throws Exception {
    return new Replayer(ReplayTraces.CATALOGUE, Timeouts.DEFAULTS).replay(trace,
        TargetRegistry.discover(List.of()).get("reference-nic"), "reference-nic", Timing.fast, out);
  }
}
