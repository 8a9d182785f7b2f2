package dev.chimney.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.yaml.PlainYaml.NotPlain;
import dev.chimney.yaml.ReadOutcome;
import dev.chimney.yaml.YamlDamage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The catalogue's fast path ({@link RuleCatalogue#parsePlain}) decides every damaged copy of the
 * shipped catalogue as databind alone ({@link RuleCatalogue#parseWithDatabind}) does: the same rules
 * in the same order, or the same exception with the same message; else it defers (NotPlain), and
 * {@link RuleCatalogue#fromResource} reads the catalogue again with databind. Databind is the
 * contract. The random damage has a short budget by default and a long one under {@code -P
 * fuzz-long}; every value at every key is tried whatever the budget.
 */
class CataloguePlainPathTest {
  private static final String PATH = "plain path";
  private static final String READ = "read";
  private static final String REFUSED = "refused";
  private static final String DEFERRED = "deferred";
  /** The exhaustive property's outcomes by kind, for {@link #theExhaustivePropertyComparedSomething}. */
  private static final Map<String, Integer> EXHAUSTIVE_OUTCOMES = new ConcurrentHashMap<>();
  /** The name the messages carry: the same for both paths, as fromResource gives both the same. */
  private static final String NAME = "/damaged/catalogue.yaml";
  private static final String SHIPPED = shipped();
  /** The first rule's line (0-based): an optional rule, so that every key, requires: too, belongs in it. */
  private static final int FIRST_RULE = (int) SHIPPED.substring(0, SHIPPED.indexOf("\n  - id: ") + 1).lines().count();
  /**
   * The keys a rule may have, the Java name of seen_on (databind might know it by that too), and a key
   * nobody knows.
   */
  private static final List<String> RULE_KEYS =
      List.of("id", "area", "text", "binds", "seen_on", "level", "requires", "seenOn", "bogus");

  private static String shipped() {
    try (InputStream in = RuleCatalogue.class.getResourceAsStream(RuleCatalogue.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<List<YamlDamage.Edit>> edits() {
    return YamlDamage.edits();
  }

  /**
   * The coverage check keeps the property from passing on nothing: a generator or a fast path that
   * left every file to databind would compare nothing. Of the 300 tries of the default budget about
   * 8 % are read, 20 % refused and 70 % deferred; 2 % is far enough below for chance not to fail it.
   */
  @Property
  @StatisticsReport(onFailureOnly = true)
  void thePlainPathDecidesDamagedCataloguesAsDatabindDoesOrDefers(@ForAll("edits") List<YamlDamage.Edit> edits)
      throws Exception {
    String damaged = YamlDamage.apply(SHIPPED, edits);
    ReadOutcome plain = compare(damaged, edits);
    Statistics.label(PATH).collect(plain == null ? DEFERRED : plain.refused() ? REFUSED : READ).coverage(c -> {
      c.check(READ).percentage(p -> p >= 2);
      c.check(REFUSED).percentage(p -> p >= 2);
      c.check(DEFERRED).percentage(p -> p >= 2);
    });
  }

  @Provide
  Arbitrary<String> ruleKeys() {
    return Arbitraries.of(RULE_KEYS);
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
   * Random damage rarely puts a given value at a given key, so each is tried at each, in the first
   * rule. Exhaustive: under a thousand cases, well under a second, in every build. Its outcomes are
   * counted for {@link #theExhaustivePropertyComparedSomething}.
   */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyValueAtEveryKeyOfARule(@ForAll("ruleKeys") String key, @ForAll("values") String value) throws Exception {
    ReadOutcome plain = compare(YamlDamage.setKey(SHIPPED, FIRST_RULE, key, value), key + ": " + value + " in the first rule");
    EXHAUSTIVE_OUTCOMES.merge(plain == null ? DEFERRED : plain.refused() ? REFUSED : READ, 1, Integer::sum);
  }

  /**
   * Parses {@code damaged} by the fast path and, unless it defers, by databind, and asserts they agree.
   *
   * @return the fast path's outcome, or null when it deferred
   */
  private static ReadOutcome compare(String damaged, Object damage) throws Exception {
    ReadOutcome plain;
    try {
      plain = ReadOutcome.of(() -> RuleCatalogue.parsePlain(NAME, stream(damaged)).rules());
    } catch (NotPlain e) {
      return null;
    }
    ReadOutcome databind = ReadOutcome.of(() -> RuleCatalogue.parseWithDatabind(NAME, stream(damaged)).rules());
    assertThat(plain).as("the plain path against databind on the catalogue damaged by %s:%n%s", damage, damaged)
        .isEqualTo(databind);
    return plain;
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
