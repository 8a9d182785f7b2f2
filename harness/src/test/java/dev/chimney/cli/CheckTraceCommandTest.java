package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.trace.TraceJudge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTraceCommandTest {
  private static final Path TRACES = Path.of("..", "traces").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void theHelpNamesEveryRuleCheckTraceJudges() {
    // The description is an annotation constant and cannot be built from TraceJudge.OFFLINE_RULES.
    String description = Main.commandLine().getSubcommands().get("check-trace").getCommandSpec().usageMessage()
        .description()[0];
    assertThat(description).contains("(" + String.join(", ", TraceJudge.OFFLINE_RULES) + ")");
  }

  @Test
  void aFailedRuleExitsOneAndShowsItsEvidence() {
    CliRun run = CliRun.run("check-trace", "--manifest", TRACES.resolve("linux/unread-close.yaml").toString());
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.NOT_CERTIFIED);
    assertThat(run.out()).contains("FAIL           DSC-3")
        .contains("DSC-3: expected no RST from the target without an abortive disconnect before it")
        .contains("packet 6 TCP1 from 192.0.2.1:8080; abortive disconnect requested: no (none known)")
        .contains("manifest expectations: 3 of 3 met");
  }

  @Test
  void jsonHasTheRulesPacketsAndConnections() throws Exception {
    CliRun run = CliRun.run("check-trace", TRACES.resolve("linux/half-close.pcap").toString(), "--manifest",
        TRACES.resolve("linux/half-close.yaml").toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.CERTIFIED);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("packets").asLong()).isEqualTo(10);
    assertThat(json.get("connections").asLong()).isEqualTo(1);
    JsonNode dsc9 = null;
    for (JsonNode r : json.get("rules")) {
      if (r.get("id").asText().equals("DSC-9")) {
        dsc9 = r;
      }
    }
    assertThat(dsc9).isNotNull();
    assertThat(dsc9.get("verdict").asText()).isEqualTo("PASS");
    assertThat(dsc9.get("evidence").isArray()).isTrue();
  }

  @Test
  void aCaptureWithoutManifestStillListsItsRsts() {
    CliRun run = CliRun.run("check-trace", TRACES.resolve("linux/abortive.pcap").toString());
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.CERTIFIED);
    assertThat(run.out()).contains("target:      unknown").contains("RSTs: 1")
        .contains("packet 6 TCP1 from 192.0.2.1:8080; abortive disconnect requested: no (none known)");
  }

  @Test
  void unusableInputIsOneLineAndExitTwo() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.pcap"), "not a capture at all");
    CliRun run = CliRun.run("check-trace", text.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(run.errLines()).singleElement().asString().startsWith("chimney: " + text + ": not a pcap or pcapng capture");
    Path manifest = Files.writeString(dir.resolve("m.yaml"), "capture: ../x.pcap\n");
    CliRun bad = CliRun.run("check-trace", "--manifest", manifest.toString());
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(bad.errLines()).singleElement().asString().startsWith("chimney: " + manifest + ":1: capture '../x.pcap' lies outside");
    CliRun none = CliRun.run("check-trace");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(none.errLines()).singleElement().asString().startsWith("chimney: check-trace needs a CAPTURE");
  }

  @Test
  void aDamagedTailIsJudgedUpToTheDamageAndSaysSo() throws Exception {
    byte[] bytes = Files.readAllBytes(TRACES.resolve("linux/data-after-close.pcap"));
    Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(bytes, bytes.length - 10));
    CliRun run = CliRun.run("check-trace", cut.toString());
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.CERTIFIED);
    assertThat(run.out()).contains("damaged:     " + cut + ": record 9: packet record cut short")
        .contains("judged up to packet 8");
  }

  @Test
  void aCaptureOnStandardInputIsJudgedAsTheFileIs() throws Exception {
    Path manifest = TRACES.resolve("linux/unread-close.yaml");
    CliRun fromFile = CliRun.run("check-trace", "--manifest", manifest.toString());
    CliRun piped = withStandardInput(Files.readAllBytes(TRACES.resolve("linux/unread-close.pcap")),
        () -> CliRun.run("check-trace", "-", "--manifest", manifest.toString()));

    assertThat(piped.exitCode()).as(piped.transcript()).isEqualTo(ExitCodes.NOT_CERTIFIED)
        .isEqualTo(fromFile.exitCode());
    assertThat(piped.out()).startsWith("capture:     (standard input) (pcap");
    // The same report, the evidence naming the capture as it came.
    assertThat(piped.out().lines().skip(1).toList()).isEqualTo(fromFile.out().lines().skip(1)
        .map(line -> line.replace("capture unread-close.pcap", "capture (standard input)")).toList());
  }

  @Test
  void standardInputThatIsNoCaptureIsOneLineAndExitTwo() throws Exception {
    CliRun run = withStandardInput("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        () -> CliRun.run("check-trace", "-"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("chimney: (standard input): not a pcap or pcapng capture");
  }

  private static CliRun withStandardInput(byte[] bytes, java.util.function.Supplier<CliRun> run) {
    java.io.InputStream saved = System.in;
    System.setIn(new java.io.ByteArrayInputStream(bytes));
    try {
      return run.get();
    } finally {
      System.setIn(saved);
    }
  }
}
