package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceJudgeTest {
  private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
  private static final int SYN = 0x02;
  private static final int ACK = 0x10;
  private static final int FIN = 0x01;
  private static final int RST = 0x04;

  @TempDir
  Path dir;

  /** A raw-IPv4 pcap of {@code connections} short connections, one a second, each closed at once. */
  private Path sequentialConnections(int connections, boolean targetResets) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xA1B2C3D4).putShort((short) 2)
        .putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101).array());
    for (int i = 0; i < connections; i++) {
      int port = 1024 + i;
      packet(out, i, false, port, SYN, 100, 0);
      packet(out, i, true, port, SYN | ACK, 900, 101);
      packet(out, i, false, port, ACK, 101, 901);
      packet(out, i, true, port, targetResets ? RST | ACK : FIN | ACK, 901, 101);
      packet(out, i, false, port, targetResets ? ACK : FIN | ACK, 101, 902);
    }
    return Files.write(dir.resolve("many.pcap"), out.toByteArray());
  }

  private static void packet(ByteArrayOutputStream out, int second, boolean fromTarget, int peerPort, int flags,
      long seq, long ack) {
    ByteBuffer b = ByteBuffer.allocate(16 + 40);
    b.order(ByteOrder.LITTLE_ENDIAN).putInt(second).putInt(0).putInt(40).putInt(40).order(ByteOrder.BIG_ENDIAN);
    byte[] target = {(byte) 192, 0, 2, 1};
    byte[] peer = {(byte) 198, 51, 100, 9};
    b.put((byte) 0x45).put((byte) 0).putShort((short) 40).putInt(0).put((byte) 64).put((byte) 6).putShort((short) 0)
        .put(fromTarget ? target : peer).put(fromTarget ? peer : target)
        .putShort((short) (fromTarget ? 80 : peerPort)).putShort((short) (fromTarget ? peerPort : 80))
        .putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 1000).putInt(0);
    out.writeBytes(b.array());
  }

  private Path manifest(String yaml) throws Exception {
    return Files.writeString(dir.resolve("m.yaml"), yaml);
  }

  @Test
  void memoryFollowsTheLiveConnectionsNotTheCapture() throws Exception {
    Path capture = sequentialConnections(2000, false);
    TraceManifest m = new ManifestReader(CATALOGUE).read(manifest("capture: many.pcap\ntarget: 192.0.2.1\n"));
    TraceReport report = new TraceJudge(CATALOGUE, capture, m).judge();
    assertThat(report.connections()).isEqualTo(2000);
    assertThat(report.packets()).isEqualTo(10_000);
    long lingerSeconds = ConnectionTable.CLOSED_LINGER_NANOS / 1_000_000_000L;
    assertThat(report.maxLiveConnections()).isLessThanOrEqualTo(lingerSeconds + 2);
    assertThat(report.rule("DSC-3").verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.rule("DSC-3").scenarios()).isEqualTo(2000);
  }

  @Test
  void theVerdictsAndTheirEvidenceDoNotDependOnHowManyThreadsJudge() throws Exception {
    // 300 connections each failing DSC-3: more evidence than a rule keeps, spread over every worker,
    // so the merge has to pick the same first findings, in the same order, as one thread does.
    Path capture = sequentialConnections(300, true);
    TraceManifest m = new ManifestReader(CATALOGUE).read(manifest("capture: many.pcap\ntarget: 192.0.2.1\n"));
    TraceReport alone = new TraceJudge(CATALOGUE, capture, m, 1).judge();
    TraceReport shared = new TraceJudge(CATALOGUE, capture, m, 3).judge();
    assertThat(alone.rule("DSC-3").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(alone.rule("DSC-3").evidence()).hasSize(RuleTally.MAX_EVIDENCE_PER_RULE);
    assertThat(alone.rule("DSC-3").evidence().get(0).message()).contains("packet 4");
    assertThat(shared.rules()).isEqualTo(alone.rules());
    assertThat(shared.observations().rsts()).isEqualTo(alone.observations().rsts());
  }

  @Test
  void connectionsThatGoSilentWithoutClosingAreForgottenAfterTheIdleLimit() throws Exception {
    // One connection every 10 s of capture time, each left open after its handshake.
    int connections = 100;
    int spacingSeconds = 10;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xA1B2C3D4).putShort((short) 2)
        .putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101).array());
    for (int i = 0; i < connections; i++) {
      packet(out, i * spacingSeconds, false, 1024 + i, SYN, 100, 0);
      packet(out, i * spacingSeconds, true, 1024 + i, SYN | ACK, 900, 101);
      packet(out, i * spacingSeconds, false, 1024 + i, ACK, 101, 901);
    }
    Path capture = Files.write(dir.resolve("idle.pcap"), out.toByteArray());
    TraceManifest m = new ManifestReader(CATALOGUE).read(manifest("capture: idle.pcap\ntarget: 192.0.2.1\n"));
    TraceReport report = new TraceJudge(CATALOGUE, capture, m).judge();
    long retainedNanos = ConnectionTable.IDLE_LIMIT_NANOS + ConnectionTable.SWEEP_INTERVAL_NANOS;
    assertThat(report.connections()).isEqualTo(connections);
    assertThat(report.maxLiveConnections()).isLessThanOrEqualTo(retainedNanos / (spacingSeconds * 1_000_000_000L) + 1)
        .isLessThan(connections);
  }

  @Test
  void withoutAManifestItListsEveryRstAndJudgesNothing() throws Exception {
    Path capture = sequentialConnections(3, true);
    TraceReport report = new TraceJudge(CATALOGUE, capture, null).judge();
    assertThat(report.targetKnown()).isFalse();
    assertThat(report.observations().rsts()).extracting(Observations.Rst::packet).containsExactly(4L, 9L, 14L);
    assertThat(report.observations().rsts()).allSatisfy(r -> assertThat(r.abortiveRequested()).isFalse());
    assertThat(report.observations().afterRsts()).extracting(Observations.AfterRst::connection)
        .containsExactly("TCP1", "TCP2", "TCP3");
    assertThat(report.rule("DSC-3").verdict()).isEqualTo(Verdict.NOT_EXERCISED);
    assertThat(report.rule("DSC-3").reason()).contains("target's side is unknown");
    assertThat(report.rule("DSC-1").verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
  }

  @Test
  void anAbortiveRequestFromTheManifestMakesTheRstsPass() throws Exception {
    Path capture = sequentialConnections(2, true);
    TraceManifest m = new ManifestReader(CATALOGUE).read(manifest("capture: many.pcap\ntarget: 192.0.2.1:80\n"
        + "actions:\n  - {packet: 4, do: abortive-disconnect}\n  - {time: 1.0, connection: TCP2, do: abortive-disconnect}\n"));
    TraceReport report = new TraceJudge(CATALOGUE, capture, m).judge();
    assertThat(report.rule("DSC-2").verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.rule("DSC-3").verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.observations().rsts()).allSatisfy(r -> assertThat(r.abortiveRequested()).isTrue());
  }

  @Test
  void aPacketPastTheEndIsAManifestErrorWithItsLine() throws Exception {
    Path capture = sequentialConnections(1, false);
    TraceManifest m = new ManifestReader(CATALOGUE).read(manifest("capture: many.pcap\ntarget: 192.0.2.1\n"
        + "actions:\n  - {packet: 3, do: graceful-disconnect}\n  - {packet: 99, do: abortive-disconnect}\n"));
    assertThatThrownBy(() -> new TraceJudge(CATALOGUE, capture, m).judge()).isInstanceOf(ManifestException.class)
        .hasMessage(dir.resolve("m.yaml") + ":5: packet 99 is past the end of the capture (5 packets; 6 means after the last)");
  }

  @Test
  void anUnknownConnectionIsAManifestErrorWithItsLine() throws Exception {
    Path capture = sequentialConnections(1, false);
    TraceManifest m = new ManifestReader(CATALOGUE).read(manifest("capture: many.pcap\ntarget: 192.0.2.1\n"
        + "actions:\n  - {packet: 2, connection: TCP7, do: abortive-disconnect}\n"));
    assertThatThrownBy(() -> new TraceJudge(CATALOGUE, capture, m).judge()).isInstanceOf(ManifestException.class)
        .hasMessageEndingWith(":4: abortive-disconnect on TCP7: no such connection is open at packet 2 (m.yaml:4)");
  }

  @Test
  void aDamagedTailIsJudgedUpToTheDamageAndSaysSo() throws Exception {
    Path capture = sequentialConnections(2, true);
    byte[] bytes = Files.readAllBytes(capture);
    Files.write(capture, Arrays.copyOf(bytes, bytes.length - 20));
    TraceManifest m = new ManifestReader(CATALOGUE).read(manifest("capture: many.pcap\ntarget: 192.0.2.1\n"));
    TraceReport report = new TraceJudge(CATALOGUE, capture, m).judge();
    assertThat(report.packets()).isEqualTo(9);
    assertThat(report.damage()).startsWith(capture + ": record 10: packet record cut short")
        .endsWith("; judged up to packet 9");
    assertThat(report.rule("DSC-3").verdict()).isEqualTo(Verdict.FAIL);
  }
}
