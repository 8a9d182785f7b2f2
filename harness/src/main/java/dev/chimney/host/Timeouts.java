package dev.chimney.host;

import java.time.Duration;
import java.util.Map;

/**
 * Every wait on a target, by name, with its default. A target that has not answered by then fails
 * the step with the timeout's name in the reason. Override with {@code -Dchimney.timeout.NAME=MILLIS}
 * or {@code certify --timeout NAME=MILLIS}.
 *
 * @param completion how long a target may take to complete a PENDING request
 * @param delivery how long data may take to reach the peer (retransmissions included)
 * @param quiet how long the wire must stay silent before the harness concludes nothing more comes
 */
public record Timeouts(Duration completion, Duration delivery, Duration quiet) {
  /** Defaults: generous for a virtual clock, where waiting costs nothing. */
  public static final Timeouts DEFAULTS =
      new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(500));

  /** The defaults with any of {@code completion}, {@code delivery}, {@code quiet} (milliseconds) replaced. */
  public static Timeouts from(Map<String, String> overrides) {
    return new Timeouts(
        millis(overrides, "completion", DEFAULTS.completion),
        millis(overrides, "delivery", DEFAULTS.delivery),
        millis(overrides, "quiet", DEFAULTS.quiet));
  }

  private static Duration millis(Map<String, String> overrides, String name, Duration fallback) {
    String v = overrides.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Duration.ofMillis(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("timeout " + name + ": not a number of milliseconds: " + v);
    }
  }
}
