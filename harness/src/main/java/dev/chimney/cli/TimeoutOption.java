package dev.chimney.cli;

import dev.chimney.host.Timeouts;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --timeout NAME=MILLIS} option, shared by {@code certify} and {@code replay}. */
final class TimeoutOption {
  @Option(names = "--timeout", paramLabel = "NAME=MILLIS",
      description = "Override a timeout (completion, delivery, quiet). Repeatable.")
  private Map<String, String> overrides = new LinkedHashMap<>();

  /** The overrides as given, in order. */
  Map<String, String> overrides() {
    return overrides;
  }

  /**
   * The default timeouts with the overrides applied.
   *
   * @throws UserError for an unknown name or a value that is not a number of milliseconds
   */
  Timeouts timeouts() {
    List<String> known = names();
    for (String name : overrides.keySet()) {
      if (!known.contains(name)) {
        throw new UserError("unknown timeout '" + name + "' (known: " + String.join(", ", known) + ")");
      }
    }
    try {
      return Timeouts.from(overrides);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** The names {@link Timeouts} knows: its record components, so a new timeout needs no change here. */
  static List<String> names() {
    return Arrays.stream(Timeouts.class.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
