package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.RuleCatalogue;
import dev.chimney.wire.capture.CaptureReader;
import dev.chimney.wire.capture.CaptureRecord;
import dev.chimney.wire.capture.TcpPacketDecoder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConnectionNames} names connections as check-trace's report does, a reused four-tuple included. */
class ConnectionNamesTest {
  private static final Path LINUX = Path.of("..", ManifestReader.TRACES_FOLDER, "linux").toAbsolutePath().normalize();
  private static final long SECOND = 1_000_000_000L;

  @TempDir
  Path dir;

  @Test
  void namesAgreeWithCheckTraceOnAReusedFourTuple() throws Exception {
    // The abortive recording (one RST) three times on one four-tuple, another connection between
    // the first two: at 16 s the first use has been closed longer than the linger, so the
    // four-tuple names a new connection; at 17 s the second use still lingers and keeps its name.
    Path capture = JoinedCaptures.join(dir.resolve("reused.pcap"), List.of(
        new JoinedCaptures.Part(LINUX.resolve("abortive.pcap"), 0),
        new JoinedCaptures.Part(LINUX.resolve("half-close.pcap"), 15 * SECOND),
        new JoinedCaptures.Part(LINUX.resolve("abortive.pcap"), 16 * SECOND),
        new JoinedCaptures.Part(LINUX.resolve("abortive.pcap"), 17 * SECOND)));

    assertThat(namesOfRsts(capture, 3)).containsExactly("TCP1", "TCP3", "TCP3");
  }

  @Test
  void aFourTupleUsedAgainAfterTheLingerIsANewConnectionWithNothingBetween() throws Exception {
    // No other segment comes between the uses: the first is retired by the second's own time.
    Path capture = JoinedCaptures.join(dir.resolve("again.pcap"), List.of(
        new JoinedCaptures.Part(LINUX.resolve("abortive.pcap"), 0),
        new JoinedCaptures.Part(LINUX.resolve("abortive.pcap"), 20 * SECOND)));

    assertThat(namesOfRsts(capture, 2)).containsExactly("TCP1", "TCP2");
  }

  /**
   * The connection names check-trace's report gives the capture's RSTs, after checking that {@link
   * ConnectionNames} gives the same ones and counts {@code connections} as the report does.
   */
  private static List<String> namesOfRsts(Path capture, long connections) throws Exception {
    TraceReport report = new TraceJudge(RuleCatalogue.load(), capture, null).judge();
    Map<Long, String> judged = new TreeMap<>();
    report.observations().rsts().forEach(r -> judged.put(r.packet(), r.connection()));
    Map<Long, String> named = new TreeMap<>();
    ConnectionNames names = new ConnectionNames();
    TcpPacketDecoder decoder = new TcpPacketDecoder();
    try (CaptureReader in = CaptureReader.open(capture)) {
      long first = Long.MIN_VALUE;
      for (CaptureRecord r = in.next(); r != null; r = in.next()) {
        first = first == Long.MIN_VALUE ? r.timestampNanos() : first;
        if (decoder.decode(r) == TcpPacketDecoder.Outcome.TCP) {
          String name = names.name(decoder, r.number(), r.timestampNanos() - first);
          if (judged.containsKey(r.number())) {
            named.put(r.number(), name);
          }
        }
      }
    }
    assertThat(named).as("replay's names against check-trace's").isEqualTo(judged);
    assertThat(names.count()).isEqualTo(report.connections()).isEqualTo(connections);
    return List.copyOf(judged.values());
  }
}
