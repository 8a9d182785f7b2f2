package dev.chimney.host;

import dev.chimney.spi.OffloadTargetProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The offload targets found through {@link java.util.ServiceLoader} on the class path and in the
 * jars of {@code --adapter-path}.
 *
 * <p>Discovery creates every provider (the SPI requires their constructors to be cheap) and asks
 * each for its name, description and capabilities once, so that a broken adapter is reported when
 * the targets are listed rather than halfway through a run. Called on the CLI's main thread or the
 * Cucumber glue's thread; an instance is immutable once built.
 *
 * <p>Naming rule: a target's name is a family, lower case letters, digits and dashes
 * ({@code reference-nic}), optionally followed by variants, each a colon and letters of either
 * case, digits and dashes. Variants let one family hold many targets named after what tells them
 * apart: the faulty targets are {@code faulty:RULE-ID} and {@code faulty:RULE-ID:state}, as in
 * {@code faulty:DSC-3} and {@code faulty:SND-1:three-outstanding}, so rule IDs keep their case.
 */
public final class TargetRegistry {
  /** What {@link Found#source()} says for a provider that came from the harness's own class path. */
  public static final String CLASS_PATH = "class path";

  /** The naming rule (see the class comment): a family, then any number of ":variant". */
  private static final Pattern TARGET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(:[A-Za-z0-9][A-Za-z0-9-]*)*");

  private final Map<String, Found> byName;

  private TargetRegistry(Map<String, Found> byName) {
    this.byName = byName;
  }

  /**
   * Finds every provider on the thread context class loader and in the given jars.
   *
   * <p>The class loader made for the adapter jars is never closed: the providers it loaded create
   * targets for as long as the run lasts.
   *
   * @param adapterPath extra jars (or folders of jars) to search; may be empty, never null
   * @throws TargetRegistryException with a one-line message for a missing or broken jar or a
   *     provider that fails to load
   */
  public static TargetRegistry discover(List<Path> adapterPath) {
    List<Path> jars = new ArrayList<>();
    for (Path entry : adapterPath) {
      jars.addAll(jarsOf(entry));
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = jars.isEmpty() ? parent : new URLClassLoader(urls(jars), parent);
    Map<String, Found> byName = new LinkedHashMap<>();
    for (Found found : load(loader, jars)) {
      Found earlier = byName.putIfAbsent(found.provider().name(), found);
      if (earlier != null) {
        throw new TargetRegistryException("two targets are named '" + found.provider().name() + "': "
            + describe(earlier) + " and " + describe(found));
      }
    }
    return new TargetRegistry(byName);
  }

  /** Every provider found, by name. */
  public List<Found> targets() {
    return byName.values().stream()
        .sorted(Comparator.comparing(f -> f.provider().name()))
        .toList();
  }

  /**
   * The provider named {@code name}.
   *
   * @throws TargetRegistryException "unknown target 'x' (known: a, b, faulty:* (57 variants))":
   *     a family of variants is named once, so that the line stays readable; list-targets shows all
   */
  public OffloadTargetProvider get(String name) {
    Found found = byName.get(name);
    if (found == null) {
      throw new TargetRegistryException("unknown target '" + name + "' (known: " + knownNames()
          + "; ./chimney list-targets shows them all)");
    }
    return found.provider();
  }

  private String knownNames() {
    if (byName.isEmpty()) {
      return "none found";
    }
    Map<String, Long> families = byName.keySet().stream()
        .collect(Collectors.groupingBy(n -> n.contains(":") ? n.substring(0, n.indexOf(':')) + ":*" : n,
            TreeMap::new, Collectors.counting()));
    return families.entrySet().stream()
        .map(e -> e.getKey().endsWith(":*") ? e.getKey() + " (" + e.getValue() + " variants)" : e.getKey())
        .collect(Collectors.joining(", "));
  }

  /**
   * A provider and where it was found.
   *
   * @param provider the provider, already created
   * @param source the adapter jar's path, or {@value TargetRegistry#CLASS_PATH}
   */
  public record Found(OffloadTargetProvider provider, String source) {}

  private static List<Path> jarsOf(Path entry) {
    if (!Files.exists(entry)) {
      throw new TargetRegistryException("adapter path entry not found: " + entry);
    }
    if (!Files.isReadable(entry)) {
      throw new TargetRegistryException("adapter path entry not readable: " + entry);
    }
    if (!Files.isDirectory(entry)) {
      checkIsJar(entry);
      return List.of(entry.toAbsolutePath().normalize());
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(entry)) {
      jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
          .map(f -> f.toAbsolutePath().normalize())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new TargetRegistryException("cannot list adapter folder " + entry + ": " + e.getMessage());
    }
    if (jars.isEmpty()) {
      throw new TargetRegistryException("adapter folder holds no .jar file: " + entry);
    }
    jars.forEach(TargetRegistry::checkIsJar);
    return jars;
  }

  private static void checkIsJar(Path file) {
    try (JarFile jar = new JarFile(file.toFile())) {
      jar.getManifest();
    } catch (IOException | SecurityException e) {
      throw new TargetRegistryException("not a jar file: " + file + " (" + e.getMessage() + ")");
    }
  }

  private static URL[] urls(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new TargetRegistryException("adapter path entry is not a valid location: " + jars.get(i));
      }
    }
    return urls;
  }

  private static List<Found> load(ClassLoader loader, List<Path> adapterJars) {
    List<Found> found = new ArrayList<>();
    Iterator<ServiceLoader.Provider<OffloadTargetProvider>> providers =
        ServiceLoader.load(OffloadTargetProvider.class, loader).stream().iterator();
    while (true) {
      ServiceLoader.Provider<OffloadTargetProvider> next;
      try {
        if (!providers.hasNext()) {
          return found;
        }
        next = providers.next();
      } catch (ServiceConfigurationError e) {
        throw new TargetRegistryException("cannot load a target provider"
            + (adapterJars.isEmpty() ? "" : " (adapter path: " + joined(adapterJars) + ")") + ": " + reason(e));
      }
      found.add(create(next, sourceOf(next.type(), adapterJars)));
    }
  }

  private static Found create(ServiceLoader.Provider<OffloadTargetProvider> candidate, String source) {
    String where = candidate.type().getName() + " (" + source + ")";
    OffloadTargetProvider provider;
    try {
      provider = candidate.get();
    } catch (ServiceConfigurationError e) {
      throw new TargetRegistryException("target provider " + where + " could not be created: " + reason(e));
    }
    String name;
    try {
      name = provider.name();
      provider.description();
      provider.capabilities();
    } catch (RuntimeException | LinkageError e) {
      throw new TargetRegistryException("target provider " + where + " failed to describe itself: " + reason(e));
    }
    if (name == null || !TARGET_NAME.matcher(name).matches()) {
      throw new TargetRegistryException("target provider " + where + " has an invalid name '" + name
          + "' (use lower case letters, digits and dashes, then optionally ':variant' parts)");
    }
    return new Found(provider, source);
  }

  private static String sourceOf(Class<?> type, List<Path> adapterJars) {
    CodeSource code = type.getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      return CLASS_PATH;
    }
    try {
      Path location = Path.of(code.getLocation().toURI()).toAbsolutePath().normalize();
      return adapterJars.contains(location) ? location.toString() : CLASS_PATH;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return CLASS_PATH;
    }
  }

  private static String describe(Found found) {
    return found.provider().getClass().getName() + " (" + found.source() + ")";
  }

  private static String joined(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  /** The innermost cause's message on one line: what the user can act on. */
  private static String reason(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root == error ? error.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
    if (root == error && message != null) {
      // ServiceLoader prefixes its messages with the service's name, which the user did not ask about.
      message = message.replace(OffloadTargetProvider.class.getName() + ": ", "");
    }
    return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
  }
}
