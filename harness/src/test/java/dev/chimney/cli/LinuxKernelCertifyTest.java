package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux kernel targets certified through the CLI, as a user runs them, on a representative
 * subset of scenarios (the whole certification is {@code bench/kernel-certify}), and replaying the
 * kernel's own recordings. Needs /dev/net/tun and CAP_NET_ADMIN; skipped with the reason without
 * them.
 */
class LinuxKernelCertifyTest {
  /** Bit of CAP_NET_ADMIN in the capability sets of /proc/self/status. */
  private static final int CAP_NET_ADMIN = 12;
  /**
   * The subset: a transfer both ways, terminates with outstanding data and unread received data,
   * graceful and abortive disconnects, in-flight segments during a terminate, a forward.
   */
  private static final String SUBSET = "TOC-3,TOC-5,TOC-8,TOC-10,DSC-2,DSC-9,SND-2,FWD-1";
  private static final Path LINUX_TRACES = Path.of("..", "traces", "linux").toAbsolutePath().normalize();

  @TempDir
  Path out;
  private Properties saved;

  @BeforeEach
  void kernelAvailable() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/net/tun")), "no /dev/net/tun: the kernel targets cannot run here");
    assumeTrue(hasNetAdmin(), "CAP_NET_ADMIN is not held: the kernel targets cannot make a namespace");
    // certify sets the run's settings as system properties; the reference NIC suite runs in this JVM too
    saved = (Properties) System.getProperties().clone();
  }

  @AfterEach
  void restoreSettings() {
    if (saved != null) {
      System.setProperties(saved);
    }
  }

  @Test
  void theKernelPassesEveryRuleItsScenariosExercise() throws IOException {
    CliRun run = CliRun.run("certify", "--target", "linux-kernel", "--rules", SUBSET, "--out", out.toString());

    Map<String, String> verdicts = verdicts(out);
    assertThat(run.out()).as("transcript%n%s", run.transcript()).contains("scenarios:").doesNotContain("FAIL  ");
    for (String rule : new String[] {"TOC-3", "TOC-5", "TOC-8", "TOC-10", "DSC-2", "DSC-3", "DSC-9", "SND-2", "FWD-1"}) {
      assertThat(verdicts.get(rule)).as("verdict of %s%n%s", rule, run.transcript()).isEqualTo("PASS");
    }
    assertThat(verdicts.get("PAR-4")).as("verdict of PAR-4: the kernel has no state tree").isEqualTo("NOT_APPLICABLE");
  }

  @Test
  void closeInsteadOfShutdownIsCaughtAsAnRstOnTheWire() throws IOException {
    // the scenarios wait for data the kernel answers with an RST: a short delivery wait keeps this quick
    CliRun run = CliRun.run("certify", "--target", "linux-kernel-close", "--rules", "DSC-9",
        "--timeout", "delivery=1000", "--out", out.toString());

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isEqualTo(ExitCodes.NOT_CERTIFIED);
    JsonNode dsc3 = rule(out, "DSC-3");
    assertThat(dsc3.path("verdict").asText()).as("DSC-3 verdict%n%s", run.transcript()).isEqualTo("FAIL");
    assertThat(dsc3.path("evidence").get(0).path("message").asText()).as("DSC-3 evidence")
        .contains("DSC-3", "RST seq", "capture captures/", "packet");
    assertThat(rule(out, "DSC-9").path("verdict").asText()).as("DSC-9 verdict").isEqualTo("FAIL");
  }

  @Test
  void theKernelReplaysItsOwnRecordingCutIntoItsOwnSegments() throws IOException {
    // Recorded with segmentation offload (one 3000-byte segment); the live kernel behind the TUN
    // device sends MSS-sized ones: joined, not a difference.
    CliRun run = CliRun.run("replay", LINUX_TRACES.resolve("graceful.yaml").toString(), "--target", "linux-kernel",
        "--format", "json", "--out", out.toString());

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isEqualTo(ExitCodes.CERTIFIED);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("differences")).as(run.transcript()).isEmpty();
    assertThat(report.path("allowed").findValuesAsText("what")).as(run.transcript()).contains("segmentation");
  }

  @Test
  void theKernelReplaysTheSecondOfTwoConnectionsAsRecorded() throws IOException {
    // TCP2 closed by SO_LINGER {1, 0}: the live kernel's RST carries ACK, as the recorded one did.
    CliRun run = CliRun.run("replay", LINUX_TRACES.resolve("two-connections.yaml").toString(), "--connection", "TCP2",
        "--target", "linux-kernel", "--format", "json", "--out", out.toString());

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isEqualTo(ExitCodes.CERTIFIED);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("connection").asText()).isEqualTo("TCP2");
    assertThat(report.path("differences")).as(run.transcript()).isEmpty();
  }

  private static Map<String, String> verdicts(Path out) throws IOException {
    Map<String, String> v = new HashMap<>();
    for (JsonNode r : new ObjectMapper().readTree(out.resolve("certification.json").toFile()).path("rules")) {
      v.put(r.path("id").asText(), r.path("verdict").asText());
    }
    return v;
  }

  private static JsonNode rule(Path out, String id) throws IOException {
    for (JsonNode r : new ObjectMapper().readTree(out.resolve("certification.json").toFile()).path("rules")) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no rule " + id + " in certification.json");
  }

  private static boolean hasNetAdmin() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("CapEff:")) {
        long caps = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
        return (caps >>> CAP_NET_ADMIN & 1) == 1;
      }
    }
    return false;
  }
}
