package dev.chimney.cli;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The scenarios of the feature files under a class path folder, with their tags, read with
 * Cucumber's own Gherkin parser so that {@code chimney rules} sees exactly what a run would.
 * Built on the caller's thread; immutable.
 */
final class ScenarioIndex {
  private static final String FEATURE_SUFFIX = ".feature";

  private final List<Entry> scenarios;

  private ScenarioIndex(List<Entry> scenarios) {
    this.scenarios = List.copyOf(scenarios);
  }

  /**
   * One scenario (or scenario outline).
   *
   * @param location the feature file and the scenario's line, "features/disconnect.feature:12"
   * @param name the scenario's name
   * @param tags its tags with those it inherits (feature, rule, examples), each with its '@'
   */
  record Entry(String location, String name, Set<String> tags) {}

  /**
   * Reads every {@code .feature} file under {@code root} on the class path (folders and jars).
   *
   * @throws UserError naming the file and line of a feature that does not parse
   */
  static ScenarioIndex fromClassPath(ClassLoader loader, String root) {
    Map<String, byte[]> features = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(root);
      for (URL url : Collections.list(roots)) {
        collect(url, root, features);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feature files under " + root, e);
    }
    List<Entry> scenarios = new ArrayList<>();
    features.forEach((uri, content) -> scenarios.addAll(parse(uri, content)));
    return new ScenarioIndex(scenarios);
  }

  /** Every scenario, by file and line. */
  List<Entry> all() {
    return scenarios;
  }

  /** The scenarios tagged with the rule's ID ({@code @DSC-3}), by file and line. */
  List<Entry> exercising(String ruleId) {
    String tag = "@" + ruleId;
    return scenarios.stream().filter(s -> s.tags().contains(tag)).toList();
  }

  private static void collect(URL url, String root, Map<String, byte[]> features) throws IOException {
    if ("file".equals(url.getProtocol())) {
      Path folder;
      try {
        folder = Path.of(url.toURI());
      } catch (URISyntaxException e) {
        throw new IOException("not a folder: " + url, e);
      }
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(FEATURE_SUFFIX)).toList()) {
          String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
          features.put(root + "/" + relative, Files.readAllBytes(file));
        }
      }
    } else if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        for (JarEntry entry : Collections.list(jar.entries())) {
          if (entry.getName().startsWith(root + "/") && entry.getName().endsWith(FEATURE_SUFFIX)) {
            try (InputStream in = jar.getInputStream(entry)) {
              features.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      }
    }
  }

  private static List<Entry> parse(String uri, byte[] content) {
    GherkinParser parser = GherkinParser.builder()
        .includeSource(false)
        .includePickles(false)
        .includeGherkinDocument(true)
        .build();
    List<Entry> found = new ArrayList<>();
    for (Envelope envelope : parser.parse(uri, content).toList()) {
      envelope.getParseError().ifPresent(error -> {
        throw new UserError("feature file " + uri + " does not parse: " + OneLineErrors.oneLine(error.getMessage()));
      });
      envelope.getGherkinDocument().flatMap(d -> d.getFeature()).ifPresent(f -> found.addAll(scenarios(uri, f)));
    }
    return found;
  }

  private static List<Entry> scenarios(String uri, Feature feature) {
    List<Entry> found = new ArrayList<>();
    for (FeatureChild child : feature.getChildren()) {
      child.getScenario().ifPresent(s -> found.add(entry(uri, s, feature.getTags())));
      child.getRule().ifPresent(rule -> found.addAll(scenarios(uri, rule, feature.getTags())));
    }
    return found;
  }

  private static List<Entry> scenarios(String uri, Rule rule, List<Tag> featureTags) {
    List<Tag> inherited = new ArrayList<>(featureTags);
    inherited.addAll(rule.getTags());
    List<Entry> found = new ArrayList<>();
    for (RuleChild child : rule.getChildren()) {
      child.getScenario().ifPresent(s -> found.add(entry(uri, s, inherited)));
    }
    return found;
  }

  private static Entry entry(String uri, Scenario scenario, List<Tag> inherited) {
    Set<String> tags = new LinkedHashSet<>();
    inherited.forEach(t -> tags.add(t.getName()));
    scenario.getTags().forEach(t -> tags.add(t.getName()));
    for (Examples examples : scenario.getExamples()) {
      examples.getTags().forEach(t -> tags.add(t.getName()));
    }
    return new Entry(uri + ":" + scenario.getLocation().getLine(), scenario.getName(), Collections.unmodifiableSet(tags));
  }
}
