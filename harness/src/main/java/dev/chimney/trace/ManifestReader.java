package dev.chimney.trace;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.yaml.PlainYaml;
import dev.chimney.yaml.PlainYaml.NotPlain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a trace manifest (YAML, format in {@code traces/README.md}) and checks it whole before any
 * packet is read: every error is one {@link ManifestException} naming the file and line. What
 * needs the capture (a packet past its end, a connection it does not have) is checked by the trace
 * judge, with the same line. Stateless; any thread.
 */
public final class ManifestReader {
  /** The folder captures and manifests live in: a manifest's capture must lie inside it. */
  public static final String TRACES_FOLDER = "traces";

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final Map<String, TcpDelegatedState.Field> DELEGATED = Map.of(
      "sndUna", TcpDelegatedState.Field.SND_UNA, "sndNxt", TcpDelegatedState.Field.SND_NXT,
      "sndMax", TcpDelegatedState.Field.SND_MAX, "rcvNxt", TcpDelegatedState.Field.RCV_NXT);
  private static final String DEFAULT_CONNECTION = "TCP1";

  private static final Set<String> ACTION_KEYS =
      Set.of("packet", "time", "connection", "do", "bytes", "id", "ids", "status", "delegated");

  private final RuleCatalogue catalogue;

  /** @param catalogue the rules that expectations may name */
  public ManifestReader(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** One entry of {@code actions:}, as written. */
  record ActionEntry(Long packet, Double time, String connection, @JsonProperty("do") String kind, Integer bytes,
      Long id, List<Long> ids, String status, Map<String, Long> delegated) {}

  /**
   * Reads and checks {@code file}.
   *
   * @throws ManifestException when it is missing, not YAML, or not a valid manifest
   */
  public TraceManifest read(Path file) throws ManifestException {
    try {
      return readPlain(file);
    } catch (NotPlain e) {
      // An action the plain reader cannot take: databind reads the file again, and says what is wrong.
      return readWithDatabind(file);
    }
  }

  /** The fast path of {@link #read}: every action read by {@link PlainYaml}, or NotPlain. */
  TraceManifest readPlain(Path file) throws ManifestException, NotPlain {
    return read(file, ManifestReader::plainAction);
  }

  /** The contract: every action read by databind. Whatever the fast path decides must equal this. */
  TraceManifest readWithDatabind(Path file) throws ManifestException {
    return read(file, DatabindActions::read);
  }

  /** Reads one action from its START_OBJECT to its END_OBJECT; X is how it gives up, if it may. */
  private interface ActionReader<X extends Exception> {
    ActionEntry read(JsonParser p) throws IOException, X;
  }

  private <X extends Exception> TraceManifest read(Path file, ActionReader<X> actionReader) throws ManifestException, X {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file, in, actionReader);
    } catch (NoSuchFileException e) {
      throw new ManifestException(file, 0, "no such file");
    } catch (JsonProcessingException e) {
      throw new ManifestException(file, line(e.getLocation()), yamlProblem(e));
    } catch (IOException e) {
      throw new ManifestException(file, 0, "cannot be read: " + e.getMessage());
    }
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : at.getLineNr();
  }

  private static String yamlProblem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown key '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
    }
    String m = e.getOriginalMessage();
    int cut = m.indexOf(" at [Source");
    m = cut > 0 ? m.substring(0, cut) : m;
    // Jackson names Java types; say what the manifest should have held instead.
    return m.replaceAll("`java\\.lang\\.(Long|Integer)`", "a whole number")
        .replaceAll("`java\\.lang\\.Double`", "a number").replaceAll("`java\\.lang\\.String`", "text")
        .replaceAll("`java\\.util\\.(List|ArrayList)(<[^>]*>)?`", "a list")
        .replaceAll("`java\\.util\\.(Map|LinkedHashMap)(<[^>]*>)?`", "a mapping")
        .replaceAll("\\s*\\R\\s*", " ");
  }

  private <X extends Exception> TraceManifest parse(Path file, InputStream in, ActionReader<X> actionReader)
      throws IOException, ManifestException, X {
    Path capture = null;
    String description = null;
    EndpointPattern target = null;
    EndpointPattern peer = null;
    List<HostAction> actions = new ArrayList<>();
    Map<String, Verdict> expect = new LinkedHashMap<>();
    Map<String, Integer> expectLines = new LinkedHashMap<>();
    boolean compareWindow = false;
    try (JsonParser p = PlainYaml.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ManifestException(file, line(p.currentTokenLocation()), "a manifest is a mapping with at least 'capture:'");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = line(p.currentTokenLocation());
        p.nextToken();
        switch (key) {
          case "capture" -> capture = capturePath(file, line, text(file, p, key));
          case "description" -> description = text(file, p, key);
          case "target" -> target = endpoint(file, line, text(file, p, key));
          case "peer" -> peer = endpoint(file, line, text(file, p, key));
          case "actions" -> readActions(file, p, actionReader, actions);
          case "expect" -> readExpect(file, p, expect, expectLines);
          case "compare-window" -> compareWindow = bool(file, p, key);
          default -> throw new ManifestException(file, line,
              "unknown key '" + key + "' (known: capture, description, target, peer, actions, expect, compare-window)");
        }
      }
    }
    if (capture == null) {
      throw new ManifestException(file, 0, "no 'capture:' naming the capture file");
    }
    return new TraceManifest(file, capture, description, target, peer, actions, expect, expectLines, compareWindow);
  }

  private static String text(Path file, JsonParser p, String key) throws IOException, ManifestException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new ManifestException(file, line(p.currentTokenLocation()), "'" + key + "' must be text, not " + tokenName(p));
    }
    return p.getText();
  }

  private static boolean bool(Path file, JsonParser p, String key) throws IOException, ManifestException {
    if (!p.currentToken().isBoolean()) {
      throw new ManifestException(file, line(p.currentTokenLocation()), "'" + key + "' must be true or false, not " + tokenName(p));
    }
    return p.getBooleanValue();
  }

  private static String tokenName(JsonParser p) {
    JsonToken t = p.currentToken();
    return t == JsonToken.START_ARRAY ? "a list" : t == JsonToken.START_OBJECT ? "a mapping"
        : t == JsonToken.VALUE_NULL ? "nothing" : t != null && t.isNumeric() ? "a number"
        : t != null && t.isBoolean() ? "true/false" : "'" + safeText(p) + "'";
  }

  private static String safeText(JsonParser p) {
    try {
      return p.getText();
    } catch (IOException e) {
      return "?";
    }
  }

  private static EndpointPattern endpoint(Path file, int line, String text) throws ManifestException {
    try {
      return EndpointPattern.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(file, line, e.getMessage());
    }
  }

  /**
   * The capture, relative to the manifest's folder, must stay inside the traces folder: the nearest
   * folder named {@value #TRACES_FOLDER} above the manifest, else the manifest's own folder.
   */
  static Path capturePath(Path file, int line, String text) throws ManifestException {
    Path manifestDir = file.toAbsolutePath().normalize().getParent();
    Path root = manifestDir;
    for (Path d = manifestDir; d != null; d = d.getParent()) {
      if (d.getFileName() != null && d.getFileName().toString().equals(TRACES_FOLDER)) {
        root = d;
        break;
      }
    }
    Path given;
    try {
      given = Path.of(text);
    } catch (RuntimeException e) {
      throw new ManifestException(file, line, "'" + text + "' is not a file path");
    }
    if (given.isAbsolute()) {
      throw new ManifestException(file, line, "capture '" + text + "' must be a path relative to the manifest, inside " + root);
    }
    Path resolved = manifestDir.resolve(given).normalize();
    if (!resolved.startsWith(root)) {
      throw new ManifestException(file, line, "capture '" + text + "' lies outside the traces folder " + root);
    }
    try {
      if (Files.exists(resolved) && !resolved.toRealPath().startsWith(root.toRealPath())) {
        throw new ManifestException(file, line, "capture '" + text + "' links outside the traces folder " + root);
      }
    } catch (IOException e) {
      throw new ManifestException(file, line, "capture '" + text + "': " + e.getMessage());
    }
    return resolved;
  }

  private static <X extends Exception> void readActions(Path file, JsonParser p, ActionReader<X> actionReader,
      List<HostAction> actions) throws IOException, ManifestException, X {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new ManifestException(file, line(p.currentTokenLocation()), "'actions' must be a list, not " + tokenName(p));
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int line = line(p.currentTokenLocation());
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new ManifestException(file, line, "each action must be a mapping such as {packet: 7, do: abortive-disconnect}, not "
            + tokenName(p));
      }
      actions.add(action(file, line, actionReader.read(p)));
    }
  }

  /** An action whose values are all plain (see {@link PlainYaml}), as the shipped manifests' are. */
  private static ActionEntry plainAction(JsonParser p) throws NotPlain {
    Long packet = null;
    Double time = null;
    String connection = null;
    String kind = null;
    Integer bytes = null;
    Long id = null;
    List<Long> ids = null;
    String status = null;
    Map<String, Long> delegated = null;
    Set<String> seen = new HashSet<>();
    try {
      for (String key = PlainYaml.nextKey(p, ACTION_KEYS, seen); key != null;
          key = PlainYaml.nextKey(p, ACTION_KEYS, seen)) {
        switch (key) {
          case "packet" -> packet = PlainYaml.wholeNumber(p);
          case "time" -> time = PlainYaml.number(p);
          case "connection" -> connection = PlainYaml.text(p);
          case "do" -> kind = PlainYaml.text(p);
          case "bytes" -> bytes = PlainYaml.smallWholeNumber(p);
          case "id" -> id = PlainYaml.wholeNumber(p);
          case "ids" -> ids = PlainYaml.wholeNumbers(p);
          case "status" -> status = PlainYaml.text(p);
          default -> delegated = PlainYaml.namedWholeNumbers(p);
        }
      }
    } catch (IOException e) {
      throw new NotPlain();
    }
    return new ActionEntry(packet, time, connection, kind, bytes, id, ids, status, delegated);
  }

  /** Actions as databind reads them: only for what the plain reader cannot take, so loaded only then. */
  private static final class DatabindActions {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    static ActionEntry read(JsonParser p) throws IOException {
      return MAPPER.readValue(p, ActionEntry.class);
    }
  }

  private static HostAction action(Path file, int line, ActionEntry e) throws ManifestException {
    if (e.kind() == null) {
      throw new ManifestException(file, line, "the action has no 'do:' (one of " + ActionKind.names() + ")");
    }
    ActionKind kind = ActionKind.of(e.kind());
    if (kind == null) {
      throw new ManifestException(file, line, "unknown action '" + e.kind() + "' (known: " + ActionKind.names() + ")");
    }
    if ((e.packet() == null) == (e.time() == null)) {
      throw new ManifestException(file, line, "the action needs exactly one of 'packet:' (it happens before that packet) and 'time:' (seconds after the first packet)");
    }
    if (e.packet() != null && e.packet() < 1) {
      throw new ManifestException(file, line, "packet " + e.packet() + ": packets are numbered from 1");
    }
    if (e.time() != null && (e.time() < 0 || e.time().isNaN() || e.time().isInfinite())) {
      throw new ManifestException(file, line, "time " + e.time() + ": must be zero or more seconds");
    }
    if (e.bytes() != null && (e.bytes() < 0 || (kind != ActionKind.SEND && kind != ActionKind.GRACEFUL_DISCONNECT))) {
      throw new ManifestException(file, line, e.bytes() < 0 ? "bytes must not be negative"
          : "'bytes:' belongs to send and graceful-disconnect, not " + kind.yamlName());
    }
    if (kind == ActionKind.SEND && e.bytes() == null) {
      throw new ManifestException(file, line, "a send needs 'bytes:'");
    }
    if (kind == ActionKind.SEND_COMPLETE && (e.ids() == null || e.ids().isEmpty())) {
      throw new ManifestException(file, line, "a send-complete needs 'ids:', the send ids it completes");
    }
    if (e.delegated() != null && kind != ActionKind.TERMINATE) {
      throw new ManifestException(file, line, "'delegated:' belongs to terminate, not " + kind.yamlName());
    }
    List<Long> ids = e.ids() != null ? e.ids() : e.id() != null ? List.of(e.id()) : List.of();
    if (ids.stream().anyMatch(i -> i == null || i < 0)) {
      throw new ManifestException(file, line, "ids must be whole numbers from 0");
    }
    long offset = e.time() == null ? -1 : Math.round(e.time() * NANOS_PER_SECOND);
    return new HostAction(file.getFileName() + ":" + line, kind, e.packet() == null ? 0 : e.packet(), offset,
        e.connection() == null ? DEFAULT_CONNECTION : e.connection(), e.bytes() == null ? 0 : e.bytes(), ids,
        status(file, line, e.status()), delegated(file, line, e.delegated()));
  }

  static NdisStatus status(Path file, int line, String text) throws ManifestException {
    if (text == null) {
      return NdisStatus.SUCCESS;
    }
    String name = text.toUpperCase(Locale.ROOT).replaceFirst("^NDIS_STATUS_", "");
    try {
      return NdisStatus.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(file, line, "unknown status '" + text + "' (for example SUCCESS, FAILURE, REQUEST_ABORTED)");
    }
  }

  private static Map<TcpDelegatedState.Field, Long> delegated(Path file, int line, Map<String, Long> given)
      throws ManifestException {
    Map<TcpDelegatedState.Field, Long> out = new LinkedHashMap<>();
    if (given == null) {
      return out;
    }
    for (Map.Entry<String, Long> e : given.entrySet()) {
      TcpDelegatedState.Field f = DELEGATED.get(e.getKey());
      if (f == null) {
        throw new ManifestException(file, line, "unknown delegated variable '" + e.getKey() + "' (known: sndUna, sndNxt, sndMax, rcvNxt)");
      }
      if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 0xFFFF_FFFFL) {
        throw new ManifestException(file, line, e.getKey() + " must be a sequence number from 0 to 4294967295");
      }
      out.put(f, e.getValue());
    }
    return out;
  }

  private void readExpect(Path file, JsonParser p, Map<String, Verdict> expect, Map<String, Integer> lines)
      throws IOException, ManifestException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new ManifestException(file, line(p.currentTokenLocation()), "'expect' must be a mapping of rule ID to verdict, not "
          + tokenName(p));
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String rule = p.currentName();
      int line = line(p.currentTokenLocation());
      p.nextToken();
      if (catalogue.find(rule).isEmpty()) {
        throw new ManifestException(file, line, "unknown rule ID '" + rule + "' ('chimney rules' lists them)");
      }
      String v = text(file, p, rule);
      try {
        expect.put(rule, Verdict.valueOf(v));
      } catch (IllegalArgumentException e) {
        throw new ManifestException(file, line, "unknown verdict '" + v + "' for " + rule
            + " (PASS, FAIL, NOT_EXERCISED or NOT_APPLICABLE)");
      }
      lines.put(rule, line);
    }
  }
}
