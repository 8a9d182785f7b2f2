package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chimney replay}: exit codes, the JSON shape, and one-line errors for unusable input. */
class ReplayCommandTest {
  private static final Path TRACES = Path.of("..", "traces").toAbsolutePath().normalize();

  @TempDir
  Path out;

  @Test
  void aConformingReplayExitsZeroAndWritesTheReports() {
    CliRun run = CliRun.run("replay", TRACES.resolve("reference-nic/abortive-with-sends.yaml").toString(),
        "--out", out.toString());
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.CERTIFIED);
    assertThat(run.out()).contains("PASS   DSC-2", "differences: none from the recorded target", "REPLAY PASSED");
    assertThat(out.resolve("certification.json")).exists();
    assertThat(out.resolve("certification.md")).exists();
    assertThat(out.resolve("replay.pcapng")).exists();
  }

  @Test
  void aDifferenceFromTheRecordingExitsOneAndIsInTheJson() {
    CliRun run = CliRun.run("replay", TRACES.resolve("linux/unread-close.yaml").toString(), "--format", "json",
        "--out", out.toString());
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.NOT_CERTIFIED);
    assertThat(run.out()).contains("\"passed\" : false", "\"field\" : \"flags\"",
        "\"message\" : \"packet 6 flags: expected RST|ACK, actual FIN|ACK\"", "\"what\" : \"ISN\"");
  }

  @Test
  void aFaultyTargetExitsOne() {
    CliRun run = CliRun.run("replay", TRACES.resolve("reference-nic/graceful-with-data.yaml").toString(),
        "--target", "faulty:DSC-3", "--out", out.toString());
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.NOT_CERTIFIED);
    assertThat(run.out()).contains("FAIL   DSC-3", "actual RST seq 3502", "REPLAY FAILED");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path broken = TRACES.resolve("replay-test-broken.yaml");
    Files.writeString(broken, "capture: linux/graceful.pcap\nspeed: 10\n");
    try {
      assertUserError(CliRun.run("replay", broken.toString(), "--out", out.toString()), "unknown key 'speed'");
    } finally {
      Files.delete(broken);
    }
    assertUserError(CliRun.run("replay", out.resolve("missing.yaml").toString()), "no such file");
    assertUserError(CliRun.run("replay", TRACES.resolve("linux/graceful.yaml").toString(), "--target", "no-such-nic",
        "--out", out.toString()), "no-such-nic");
    assertUserError(CliRun.run("replay", TRACES.resolve("linux/graceful.yaml").toString(), "--timing", "slow"),
        "--timing");
    assertUserError(CliRun.run("replay", TRACES.resolve("linux/graceful.yaml").toString(), "--timeout", "nap=5"),
        "unknown timeout 'nap'");
    assertUserError(CliRun.run("replay", TRACES.resolve("linux/graceful.yaml").toString(), "--connection", "2"),
        "--connection 2: not a connection name");
    assertUserError(CliRun.run("replay", TRACES.resolve("linux/graceful.yaml").toString(), "--connection", "TCP2",
        "--out", out.toString()), "no connection TCP2 to replay (the capture has one, TCP1)");
  }

  @Test
  void aManifestThatCannotTellTheTargetIsOneLine() throws Exception {
    // A classic pcap has no direction flags: without 'target:' nothing says which side to replay.
    Path manifest = TRACES.resolve("replay-test-no-target.yaml");
    Files.writeString(manifest, "capture: linux/graceful.pcap\n");
    try {
      assertUserError(CliRun.run("replay", manifest.toString(), "--out", out.toString()),
          "no 'target:'", "has no direction flag");
    } finally {
      Files.delete(manifest);
    }
  }

  private static void assertUserError(CliRun run, String... fragments) {
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(run.errLines()).as(run.transcript()).hasSize(1);
    assertThat(run.err()).startsWith(OneLineErrors.PREFIX).doesNotContain("\tat ").contains(fragments);
  }
}
