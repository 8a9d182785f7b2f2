package dev.chimney.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example (adapters/examples/python) passes the handshake and the graceful-close
 * scenarios, started as a child process the way a user would. Skipped, saying so, without python3.
 */
class RemotePythonExampleTest {
  private static final Path SCRIPT = Path.of("..", "adapters", "examples", "python", "chimney_target.py");

  @TempDir
  Path out;

  @Test
  void theExamplePassesTheGracefulCloseScenarios() throws IOException, InterruptedException {
    assumeTrue(python3Present(), "python3 is not on the path: the Python example cannot run here");
    CertifyRun run = CertifyRun.certify(out, "process:python3 " + SCRIPT.toAbsolutePath().normalize(), "DSC-7",
        List.of());
    assertThat(run.certification()).as(run.transcript()).isNotNull();
    assertThat(run.scenario("Graceful disconnect without data sends a bare FIN").path("status").asText())
        .as(run.transcript()).isEqualTo("PASSED");
    assertThat(run.scenario("Graceful disconnect with data").path("status").asText())
        .as(run.transcript()).isEqualTo("PASSED");
    assertThat(run.verdicts()).as(run.transcript()).containsEntry("DSC-7", "PASS").containsEntry("DSC-1", "PASS");
  }

  private static boolean python3Present() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(SCRIPT);
    } catch (IOException e) {
      return false;
    }
  }
}
