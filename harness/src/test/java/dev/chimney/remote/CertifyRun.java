package dev.chimney.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code chimney certify} run in this JVM, as a user would start it, with what it printed and
 * the {@code certification.json} it wrote.
 *
 * @param exitCode the command's exit code
 * @param transcript what it printed, for failure messages
 * @param certification the parsed certification.json; null when none was written
 * @param elapsed how long the run took
 */
record CertifyRun(int exitCode, String transcript, JsonNode certification, Duration elapsed) {
  /** Short timeouts: the misbehaving targets wait on them, and the run's time is bounded by them. */
  static final List<String> SHORT_TIMEOUTS =
      List.of("--timeout", "completion=1000", "--timeout", "delivery=3000", "--timeout", "quiet=300");

  static CertifyRun certify(Path out, String target, String rules, List<String> extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("certify", "--target", target, "--out", out.toString()));
    if (rules != null) {
      args.addAll(List.of("--rules", rules));
    }
    args.addAll(extra);
    StringWriter printed = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(printed, true));
    cli.setErr(new PrintWriter(printed, true));
    long start = System.nanoTime();
    int exit = cli.execute(args.toArray(String[]::new));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Path json = out.resolve("certification.json");
    JsonNode certification = json.toFile().exists() ? new ObjectMapper().readTree(json.toFile()) : null;
    return new CertifyRun(exit, "chimney " + String.join(" ", args) + "\n" + printed, certification, elapsed);
  }

  /** The result of the scenario named {@code name}; fails when it is not in the report. */
  JsonNode scenario(String namePart) {
    for (JsonNode s : certification.path("scenarioResults")) {
      if (s.path("name").asText().contains(namePart)) {
        return s;
      }
    }
    throw new AssertionError("no scenario '" + namePart + "' in the report of\n" + transcript);
  }

  /** Each rule's verdict, by ID. */
  java.util.Map<String, String> verdicts() {
    java.util.Map<String, String> v = new java.util.TreeMap<>();
    certification.path("rules").forEach(r -> v.put(r.path("id").asText(), r.path("verdict").asText()));
    return v;
  }
}
