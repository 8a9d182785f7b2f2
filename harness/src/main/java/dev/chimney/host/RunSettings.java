package dev.chimney.host;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings a certification run passes to the Cucumber glue, as system properties: one place
 * for every key. {@code certify} sets them; {@code mvn verify} runs with the defaults. The readers
 * below are what the glue calls, on whatever thread Cucumber runs it; each reads the property anew.
 */
public final class RunSettings {
  private RunSettings() {}

  /** The target's name. Default {@value #DEFAULT_TARGET}. */
  public static final String TARGET = "chimney.target";
  /** The default target. */
  public static final String DEFAULT_TARGET = "reference-nic";
  /** Extra jars to search for targets, separated by the path separator. Default none. */
  public static final String ADAPTER_PATH = "chimney.adapter-path";
  /** The output folder; captures go to its {@code captures/}. Default {@code target/chimney/<target>}. */
  public static final String OUT = "chimney.out";
  /** Timeout overrides, "name=millis,name=millis" (see {@link Timeouts}). Default none. */
  public static final String TIMEOUTS = "chimney.timeouts";

  /** The selected target's name; never null. */
  public static String target() {
    return System.getProperty(TARGET, DEFAULT_TARGET);
  }

  /** The adapter path entries, in order; empty when none were given. */
  public static List<Path> adapterPath() {
    String value = System.getProperty(ADAPTER_PATH, "");
    return Arrays.stream(value.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .toList();
  }

  /** The run's output folder; never null. */
  public static Path out() {
    String value = System.getProperty(OUT);
    return value != null ? Path.of(value) : Path.of("target", "chimney", target());
  }

  /**
   * The timeouts: {@link Timeouts#DEFAULTS} with the overrides of {@link #TIMEOUTS} applied.
   *
   * @throws IllegalArgumentException for an entry that is not "name=millis"
   */
  public static Timeouts timeouts() {
    return timeouts(Timeouts.DEFAULTS);
  }

  /**
   * The timeouts: {@code defaults} (those of the target's clock) with the overrides of
   * {@link #TIMEOUTS} applied.
   *
   * @throws IllegalArgumentException for an entry that is not "name=millis"
   */
  public static Timeouts timeouts(Timeouts defaults) {
    return Timeouts.from(parseTimeouts(System.getProperty(TIMEOUTS, "")), defaults);
  }

  /** Formats overrides the way {@link #TIMEOUTS} holds them; the inverse of {@link #parseTimeouts}. */
  public static String formatTimeouts(Map<String, String> overrides) {
    return overrides.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /**
   * Parses "name=millis,name=millis" into a map, in order; blank gives an empty map.
   *
   * @throws IllegalArgumentException for an entry without '='
   */
  public static Map<String, String> parseTimeouts(String value) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("timeout override is not NAME=MILLIS: " + entry.trim());
      }
      overrides.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }
    return overrides;
  }
}
