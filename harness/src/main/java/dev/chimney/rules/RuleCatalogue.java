package dev.chimney.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chimney.spi.Capability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the specification, loaded from the catalogue resource shipped in the harness jar.
 * Immutable once loaded; safe to share between threads.
 */
public final class RuleCatalogue {
  /** The catalogue resource inside the harness jar. */
  public static final String RESOURCE = "/dev/chimney/rules/catalogue.yaml";

  private static final Set<String> PARTIES = Set.of("target", "host");
  private static final Set<String> VIEWS = Set.of("api", "wire");

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
    try (InputStream in = RuleCatalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("rule catalogue " + resource + " is not on the class path");
      }
      return parse(resource, in);
    } catch (IOException e) {
      throw new IllegalStateException("rule catalogue " + resource + ": " + e.getMessage(), e);
    }
  }

  private static RuleCatalogue parse(String resource, InputStream in) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Map<String, Rule> rules = new LinkedHashMap<>();
    try (JsonParser p = mapper.getFactory().createParser(in)) {
      expect(resource, p, p.nextToken() == JsonToken.START_OBJECT, "a mapping with the key 'rules'");
      expect(resource, p, p.nextToken() == JsonToken.FIELD_NAME && "rules".equals(p.currentName()),
          "the key 'rules'");
      expect(resource, p, p.nextToken() == JsonToken.START_ARRAY, "a list of rules under 'rules'");
      while (p.nextToken() == JsonToken.START_OBJECT) {
        int line = p.currentTokenLocation().getLineNr();
        Entry entry;
        try {
          entry = mapper.readValue(p, Entry.class);
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
      if (!id.matches("(TRM|TOC|PAR|DSC|FWD|SND)-[1-9][0-9]*")) {
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
      return new Rule(id, area, text, Set.copyOf(binds), Set.copyOf(seenOn), lvl, requires);
    }

    private static void checkMembers(String resource, int line, String field, List<String> values, Set<String> allowed) {
      if (values.isEmpty() || !allowed.containsAll(values)) {
        throw bad(resource, line, field + " " + values + " must be a non-empty list drawn from " + allowed);
      }
    }
  }
}
