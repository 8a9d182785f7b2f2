package dev.chimney.host;

/**
 * The settings a certification run passes to the Cucumber glue, as system properties: one place
 * for every key. {@code certify} sets them; {@code mvn verify} runs with the defaults.
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
}
