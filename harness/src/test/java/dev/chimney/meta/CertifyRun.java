package dev.chimney.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chimney.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code chimney certify} run, in-process through {@link Main#commandLine()} (the path
 * {@code ./chimney certify} takes), and what its {@code certification.json} says.
 *
 * @param target the target certified
 * @param exitCode the command's exit code
 * @param console what it printed on standard output and standard error
 * @param verdicts each rule's verdict, by rule ID, in catalogue order
 * @param evidence each FAILed rule's evidence messages, by rule ID
 */
record CertifyRun(String target, int exitCode, String console, Map<String, String> verdicts,
    Map<String, List<String>> evidence) {

  /** Name of the report this reads, in the run's output folder. */
  static final String CERTIFICATION_JSON = "certification.json";

  /**
   * Certifies {@code target} into {@code out}. Runs on the calling thread; runs must not overlap
   * (the command line passes its settings to the glue through system properties).
   *
   * @param rules a {@code --rules} selection, or null for every scenario
   */
  static CertifyRun of(String target, Path out, String rules) {
    List<String> args = new ArrayList<>(List.of("certify", "--target", target, "--out", out.toString()));
    if (rules != null) {
      args.addAll(List.of("--rules", rules));
    }
    StringWriter console = new StringWriter();
    PrintWriter writer = new PrintWriter(console, true);
    int exitCode = Main.commandLine().setOut(writer).setErr(writer).execute(args.toArray(String[]::new));
    Map<String, String> verdicts = new LinkedHashMap<>();
    Map<String, List<String>> evidence = new LinkedHashMap<>();
    JsonNode json = read(out.resolve(CERTIFICATION_JSON), console);
    for (JsonNode rule : json.get("rules")) {
      String id = rule.get("id").asText();
      verdicts.put(id, rule.get("verdict").asText());
      List<String> messages = new ArrayList<>();
      rule.get("evidence").forEach(e -> messages.add(e.get("message").asText()));
      evidence.put(id, messages);
    }
    return new CertifyRun(target, exitCode, console.toString(), verdicts, evidence);
  }

  private static JsonNode read(Path file, StringWriter console) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("no readable " + file + " after certify; it printed:\n" + console, e);
    }
  }

  /** The rules with verdict FAIL. */
  List<String> failed() {
    return verdicts.entrySet().stream().filter(e -> e.getValue().equals("FAIL")).map(Map.Entry::getKey).toList();
  }

  /** For assertion messages: the target, its failed rules with their first evidence. */
  String summary() {
    StringBuilder sb = new StringBuilder(target).append(" exit ").append(exitCode);
    for (String id : failed()) {
      sb.append("\n  ").append(id).append(": ").append(evidence.get(id).isEmpty() ? "" : evidence.get(id).get(0));
    }
    return sb.toString();
  }
}
