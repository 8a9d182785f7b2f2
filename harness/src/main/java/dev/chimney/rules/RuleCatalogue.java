package dev.chimney.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chimney.spi.Capability;
import dev.chimney.yaml.PlainYaml;
import dev.chimney.yaml.PlainYaml.NotPlain;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules of the specification, loaded from the catalogue resource shipped in the harness jar.
 * Immutable once loaded; safe to share between threads.
 */
public final class RuleCatalogue {
  /** The catalogue resource inside the harness jar. */
  public static final String RESOURCE = "/dev/chimney/rules/catalogue.yaml";

  // Lists, not Set.of: a Set.of's iteration order changes from one JVM to the next, and these are
  // printed (in errors here, and through each rule's sets in `chimney rules`).
  private static final List<String> PARTIES = List.of("target", "host");
  private static final List<String> VIEWS = List.of("api", "wire");
  private static final Pattern ID = Pattern.compile("(TRM|TOC|PAR|DSC|FWD|SND)-[1-9][0-9]*");
  /** The keys of a rule; every one but {@code requires} is mandatory. */
  private static final Set<String> REQUIRED_KEYS = Set.of("id", "area", "text", "binds", "seen_on", "level");
  private static final Set<String> KEYS =
      Stream.concat(REQUIRED_KEYS.stream(), Stream.of("requires")).collect(Collectors.toUnmodifiableSet());

  private final Map<String, Rule> rules;

  private RuleCatalogue(Map<String, Rule> rules) {
    this.rules = rules;
  }

  /**
   * The catalogue shipped with the harness.
   *
   * @throws IllegalStateException when the resource is missing or malformed (a harness bug); the
   *     message names the line
   */
  public static RuleCatalogue load() {
    return fromResource(RESOURCE);
  }

  /** The catalogue in the class-path resource {@code resource}; for tests of malformed catalogues. */
  static RuleCatalogue fromResource(String resource) {
    try {
      return read(resource, RuleCatalogue::plainEntry);
    } catch (NotPlain e) {
      // A rule the plain reader cannot take: databind reads it, and says what is wrong with it.
      return read(resource, DatabindEntries::read);
    }
  }

  /** The fast path of {@link #fromResource}: every rule read by {@link PlainYaml}, or NotPlain. */
  static RuleCatalogue parsePlain(String resource, InputStream in) throws IOException, NotPlain {
    return parse(resource, in, RuleCatalogue::plainEntry);
  }

  /** The contract: every rule read by databind. Whatever the fast path decides must equal this. */
  static RuleCatalogue parseWithDatabind(String resource, InputStream in) throws IOException {
    return parse(resource, in, DatabindEntries::read);
  }

  /** Reads one rule from its START_OBJECT to its END_OBJECT; X is how it gives up, if it may. */
  private interface EntryReader<X extends Exception> {
    Entry read(JsonParser p) throws IOException, X;
  }

  private static <X extends Exception> RuleCatalogue read(String resource, EntryReader<X> entries) throws X {
    try (InputStream in = RuleCatalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("rule catalogue " + resource + " is not on the class path");
      }
      return parse(resource, in, entries);
    } catch (IOException e) {
      throw new IllegalStateException("rule catalogue " + resource + ": " + e.getMessage(), e);
    }
  }

  private static <X extends Exception> RuleCatalogue parse(String resource, InputStream in, EntryReader<X> entries)
      throws IOException, X {
    Map<String, Rule> rules = new LinkedHashMap<>();
    try (JsonParser p = PlainYaml.FACTORY.createParser(in)) {
      expect(resource, p, p.nextToken() == JsonToken.START_OBJECT, "a mapping with the key 'rules'");
      expect(resource, p, p.nextToken() == JsonToken.FIELD_NAME && "rules".equals(p.currentName()),
          "the key 'rules'");
      expect(resource, p, p.nextToken() == JsonToken.START_ARRAY, "a list of rules under 'rules'");
      while (p.nextToken() == JsonToken.START_OBJECT) {
        int line = p.currentTokenLocation().getLineNr();
        Entry entry;
        try {
          entry = entries.read(p);
        } catch (JsonProcessingException e) {
          throw bad(resource, line, "in the rule starting here: " + e.getOriginalMessage());
        }
        Rule rule = entry.toRule(resource, line);
        if (rules.putIfAbsent(rule.id(), rule) != null) {
          throw bad(resource, line, "duplicate rule id " + rule.id());
        }
      }
      expect(resource, p, p.currentToken() == JsonToken.END_ARRAY, "a rule (a mapping)");
    } catch (JsonProcessingException e) {
      throw bad(resource, e.getLocation() == null ? -1 : e.getLocation().getLineNr(), e.getOriginalMessage());
    }
    if (rules.isEmpty()) {
      throw new IllegalStateException("rule catalogue " + resource + ": no rules");
    }
    return new RuleCatalogue(Collections.unmodifiableMap(rules));
  }

  /** A rule whose values are all plain (see {@link PlainYaml}); the shipped catalogue's are. */
  private static Entry plainEntry(JsonParser p) throws NotPlain {
    String id = null;
    String area = null;
    String text = null;
    List<String> binds = null;
    List<String> seenOn = null;
    String level = null;
    Capability requires = null;
    Set<String> seen = new HashSet<>();
    try {
      for (String key = PlainYaml.nextKey(p, KEYS, seen); key != null; key = PlainYaml.nextKey(p, KEYS, seen)) {
        switch (key) {
          case "id" -> id = PlainYaml.text(p);
          case "area" -> area = PlainYaml.text(p);
          case "text" -> text = PlainYaml.text(p);
          case "binds" -> binds = PlainYaml.texts(p);
          case "seen_on" -> seenOn = PlainYaml.texts(p);
          case "level" -> level = PlainYaml.text(p);
          default -> requires = capability(PlainYaml.text(p));
        }
      }
    } catch (IOException e) {
      throw new NotPlain();
    }
    if (!seen.containsAll(REQUIRED_KEYS)) {
      throw new NotPlain();
    }
    return new Entry(id, area, text, binds, seenOn, level, requires);
  }

  private static Capability capability(String name) throws NotPlain {
    try {
      return Capability.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new NotPlain();
    }
  }

  /** Rules as databind reads them: only for what the plain reader cannot take, so loaded only then. */
  private static final class DatabindEntries {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Entry read(JsonParser p) throws IOException {
      return MAPPER.readValue(p, Entry.class);
    }
  }

  private static void expect(String resource, JsonParser p, boolean ok, String what) {
    if (!ok) {
      throw bad(resource, p.currentTokenLocation().getLineNr(), "expected " + what + ", found " + p.currentToken());
    }
  }

  private static IllegalStateException bad(String resource, int line, String problem) {
    return new IllegalStateException("rule catalogue " + resource + " line " + line + ": " + problem);
  }

  /** Every rule, in catalogue order. */
  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  /** The rule with that ID, or empty. */
  public Optional<Rule> find(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /**
   * The rules matching a comma-separated selection of IDs and prefixes with a star ("DSC-3,TOC-*"),
   * in catalogue order, each once. Blanks around entries are ignored.
   *
   * @throws IllegalArgumentException naming the first entry that matches no rule
   */
  public List<Rule> select(String selection) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String raw : selection.split(",")) {
      String entry = raw.trim();
      List<String> matched = new ArrayList<>();
      for (String id : rules.keySet()) {
        boolean match = entry.endsWith("*") ? id.startsWith(entry.substring(0, entry.length() - 1)) : id.equals(entry);
        if (match) {
          matched.add(id);
        }
      }
      if (matched.isEmpty()) {
        throw new IllegalArgumentException("rule selection '" + entry + "' matches no rule of the catalogue");
      }
      chosen.addAll(matched);
    }
    return rules.values().stream().filter(r -> chosen.contains(r.id())).toList();
  }

  /** One rule as written in the YAML; every field but {@code requires} is mandatory. */
  private record Entry(
      @JsonProperty(value = "id", required = true) String id,
      @JsonProperty(value = "area", required = true) String area,
      @JsonProperty(value = "text", required = true) String text,
      @JsonProperty(value = "binds", required = true) List<String> binds,
      @JsonProperty(value = "seen_on", required = true) List<String> seenOn,
      @JsonProperty(value = "level", required = true) String level,
      @JsonProperty("requires") Capability requires) {

    Rule toRule(String resource, int line) {
      if (id == null || area == null || text == null || binds == null || seenOn == null || level == null) {
        throw bad(resource, line, "rule " + id + ": id, area, text, binds, seen_on and level must all have a value");
      }
      if (!ID.matcher(id).matches()) {
        throw bad(resource, line, "rule id '" + id + "' is not AREA-N with a known area");
      }
      checkMembers(resource, line, "binds", binds, PARTIES);
      checkMembers(resource, line, "seen_on", seenOn, VIEWS);
      Level lvl;
      try {
        lvl = Level.valueOf(level.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(resource, line, id + ": level '" + level + "' is neither required nor optional");
      }
      if ((lvl == Level.OPTIONAL) != (requires != null)) {
        throw bad(resource, line, id + ": a rule is optional exactly when it requires a capability (level "
            + level + ", requires " + requires + ")");
      }
      return new Rule(id, area, text, inFileOrder(binds), inFileOrder(seenOn), lvl, requires);
    }

    /** The values as a set that iterates in the catalogue's order, so every run prints them alike. */
    private static Set<String> inFileOrder(List<String> values) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private static void checkMembers(String resource, int line, String field, List<String> values, List<String> allowed) {
      if (values.isEmpty() || !allowed.containsAll(values)) {
        throw bad(resource, line, field + " " + values + " must be a non-empty list drawn from " + allowed);
      }
    }
  }
}
