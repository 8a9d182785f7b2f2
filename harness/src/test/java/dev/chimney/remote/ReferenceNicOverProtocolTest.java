package dev.chimney.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.remote.serve.TargetServer;
import dev.chimney.host.TargetRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol carries everything: the reference NIC in a child JVM ({@code process:reference-nic})
 * or behind a loopback socket ({@code tcp:}) gets the same verdict, rule for rule, as in the
 * harness's JVM. The default build compares the disconnect, send-completion and partial-offload
 * areas; {@code -Dchimney.remote.full=true} compares every scenario.
 */
class ReferenceNicOverProtocolTest {
  /** The areas compared in the default build, to keep it short; all of them with {@code -Dchimney.remote.full=true}. */
  private static final String SUBSET = "DSC-*,SND-*,PAR-*";

  @TempDir
  Path out;

  @Test
  void inAChildJvmTheVerdictsAreTheSameAsInProcess() throws IOException {
    compare("process:reference-nic", SUBSET);
  }

  @Test
  void overTcpTheVerdictsAreTheSameAsInProcess() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> serveOnce(server), "test-target-server");
      serving.setDaemon(true);
      serving.start();
      compare("tcp:127.0.0.1:" + server.getLocalPort(), "DSC-*");
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "chimney.remote.full", matches = "true")
  void everyScenarioInAChildJvmGivesTheSameVerdicts() throws IOException {
    compare("process:reference-nic", null);
  }

  private void compare(String remote, String rules) throws IOException {
    CertifyRun local = CertifyRun.certify(out.resolve("in-process"), "reference-nic", rules, List.of());
    CertifyRun far = CertifyRun.certify(out.resolve("remote"), remote, rules, List.of());
    Map<String, String> expected = new TreeMap<>(local.verdicts());
    Map<String, String> actual = new TreeMap<>(far.verdicts());
    assertThat(expected).as("in-process verdicts").isNotEmpty();
    assertThat(actual).as("verdicts of %s against the in-process run\n%s", remote, far.transcript())
        .isEqualTo(expected);
  }

  /** Serves the reference NIC to one connection, as {@code chimney serve-target --port} does. */
  private static void serveOnce(ServerSocket server) {
    try (Socket s = server.accept()) {
      new TargetServer(TargetRegistry.discover(List.of()).get("reference-nic"), s.getInputStream(),
          new BufferedOutputStream(s.getOutputStream())).run();
    } catch (Exception e) {
      System.err.println("test target server: " + e);
    }
  }
}
