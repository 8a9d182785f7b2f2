package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.RuleCatalogue;
import dev.chimney.yaml.PlainYaml.NotPlain;
import dev.chimney.yaml.ReadOutcome;
import dev.chimney.yaml.YamlDamage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The manifest reader's fast path ({@link ManifestReader#readPlain}) decides every damaged copy of a
 * shipped manifest as databind alone ({@link ManifestReader#readWithDatabind}) does: the same
 * manifest, or the same exception with the same message; else it defers (NotPlain), and {@link
 * ManifestReader#read} reads the file again with databind. Databind is the contract: a fast path
 * that took a value databind refuses, read one differently, or failed with another message would
 * change what users see, and only for files plain enough for it. The random damage has a short
 * budget by default and a long one under {@code -P fuzz-long}; every value at every key is tried
 * whatever the budget.
 */
class ManifestPlainPathTest {
  private static final String PATH = "plain path";
  private static final String READ = "read";
  private static final String REFUSED = "refused";
  private static final String DEFERRED = "deferred";
  /** The exhaustive property's outcomes by kind, for {@link #theExhaustivePropertyComparedSomething}. */
  private static final Map<String, Integer> EXHAUSTIVE_OUTCOMES = new ConcurrentHashMap<>();
  private static final ManifestReader READER = new ManifestReader(RuleCatalogue.load());
  /** The shipped manifests with {@code actions:}, by path, as text. */
  private static final Map<Path, String> SHIPPED = shippedWithActions();
  private static final Pattern ACTION = Pattern.compile("^  - \\{.*}$", Pattern.MULTILINE);
  /**
   * The keys an action may have, the name of the Java field that {@code do} fills (databind might know
   * it by that name too), and a key nobody knows.
   */
  private static final List<String> ACTION_KEYS =
      List.of("packet", "time", "connection", "do", "bytes", "id", "ids", "status", "delegated", "kind", "bogus");
  private static Path dir;

  /**
   * Only those with {@code actions:}: the two paths differ only in how they read an action, so a
   * manifest without any would spend its tries on code the paths share.
   */
  private static Map<Path, String> shippedWithActions() {
    Map<Path, String> shipped = new TreeMap<>();
    try {
      for (Path m : ShippedTracesTest.manifests()) {
        String text = Files.readString(m);
        if (text.contains("\nactions:")) {
          shipped.put(m, text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return shipped;
  }

  @BeforeContainer
  static void folder() throws IOException {
    // A folder named traces, so that a capture path resolves inside it as in the shipped ones.
    dir = Files.createDirectories(Files.createTempDirectory("plain-path").resolve(ManifestReader.TRACES_FOLDER));
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.walk(dir.getParent())) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<Path> manifests() {
    return Arbitraries.of(List.copyOf(SHIPPED.keySet()));
  }

  @Provide
  Arbitrary<List<YamlDamage.Edit>> edits() {
    return YamlDamage.edits();
  }

  /**
   * The coverage check keeps the property from passing on nothing: a generator or a fast path that
   * left every file to databind would compare nothing. Of the 300 tries of the default budget about
   * 8 % are read, 65 % refused and 25 % deferred; 2 % is far enough below for chance not to fail it.
   */
  @Property
  @StatisticsReport(onFailureOnly = true)
  void thePlainPathDecidesDamagedManifestsAsDatabindDoesOrDefers(@ForAll("manifests") Path shipped,
      @ForAll("edits") List<YamlDamage.Edit> edits) throws Exception {
    String damaged = YamlDamage.apply(SHIPPED.get(shipped), edits);
    ReadOutcome plain = compare(shipped, damaged, edits);
    Statistics.label(PATH).collect(outcome(plain)).coverage(c -> {
      c.check(READ).percentage(p -> p >= 2);
      c.check(REFUSED).percentage(p -> p >= 2);
      c.check(DEFERRED).percentage(p -> p >= 2);
    });
  }

  /** A shipped action, where {@link #everyValueAtEveryKeyOfEachShapeOfAction} sets values. */
  record ShippedAction(Path manifest, int line) {
    @Override
    public String toString() {
      return manifest.getFileName() + " line " + (line + 1);
    }
  }

  /**
   * The first shipped action of each shape: each set of keys, whatever the numbers and the kind. A
   * value is seen in the result only where its key belongs (delegated: in a terminate, ids: in a
   * send-complete); elsewhere the action is refused for the key, whatever the value.
   */
  @Provide
  Arbitrary<ShippedAction> actionsOfEachShape() {
    Map<String, ShippedAction> first = new LinkedHashMap<>();
    SHIPPED.forEach((m, text) -> {
      for (Matcher a = ACTION.matcher(text); a.find(); ) {
        String shape = a.group().replaceAll("do: [a-z-]+", "do: _").replaceAll("[0-9]+", "N");
        first.putIfAbsent(shape, new ShippedAction(m, (int) text.substring(0, a.start()).lines().count()));
      }
    });
    return Arbitraries.of(List.copyOf(first.values()));
  }

  @Provide
  Arbitrary<String> actionKeys() {
    return Arbitraries.of(ACTION_KEYS);
  }

  /**
   * Keeps the exhaustive property from passing on nothing: were every case deferred (the edited line
   * no longer the one meant, say), it would compare nothing. Checked only when it ran.
   */
  @AfterContainer
  static void theExhaustivePropertyComparedSomething() {
    if (!EXHAUSTIVE_OUTCOMES.isEmpty()) {
      assertThat(EXHAUSTIVE_OUTCOMES).as("outcomes of the exhaustive cases").containsKeys(READ, REFUSED);
    }
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(YamlDamage.VALUES);
  }

  /**
   * Random damage rarely puts a given value at a given key (no shipped action has {@code time:} or
   * {@code status:} at all, and one trace has {@code connection:}), so each is tried at each, in one
   * action of each shape. Exhaustive: a few thousand cases, under two seconds, in every build. Its
   * outcomes are counted for {@link #theExhaustivePropertyComparedSomething} (jqwik's statistics cost
   * more than the reading).
   */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyValueAtEveryKeyOfEachShapeOfAction(@ForAll("actionsOfEachShape") ShippedAction action,
      @ForAll("actionKeys") String key, @ForAll("values") String value) throws Exception {
    String shipped = SHIPPED.get(action.manifest());
    if (key.equals("time")) {
      // An action has exactly one of packet: and time:; beside packet:, every time: would be refused for that alone.
      List<String> lines = new ArrayList<>(List.of(shipped.split("\n", -1)));
      lines.set(action.line(), lines.get(action.line()).replace("{packet:", "{time:"));
      shipped = String.join("\n", lines);
    }
    String damaged = YamlDamage.setKey(shipped, action.line(), key, value);
    EXHAUSTIVE_OUTCOMES.merge(outcome(compare(action.manifest(), damaged, action + ": " + key + ": " + value)), 1,
        Integer::sum);
  }

  /**
   * Reads {@code damaged} by the fast path and, unless it defers, by databind, and asserts they agree.
   *
   * @return the fast path's outcome, or null when it deferred
   */
  private static ReadOutcome compare(Path shipped, String damaged, Object damage) throws Exception {
    // A new file each time: on ext4, truncating and rewriting one file forces a flush (auto_da_alloc) that
    // cost more than both reads together.
    Path m = Files.writeString(Files.createTempFile(dir, null, "-" + shipped.getFileName()), damaged);
    try {
      ReadOutcome plain;
      try {
        plain = ReadOutcome.of(() -> READER.readPlain(m));
      } catch (NotPlain e) {
        return null;
      }
      ReadOutcome databind = ReadOutcome.of(() -> READER.readWithDatabind(m));
      assertThat(plain).as("the plain path against databind on %s damaged by %s:%n%s", shipped.getFileName(), damage,
          damaged).isEqualTo(databind);
      return plain;
    } finally {
      Files.delete(m);
    }
  }

  private static String outcome(ReadOutcome plain) {
    return plain == null ? DEFERRED : plain.refused() ? REFUSED : READ;
  }
}
