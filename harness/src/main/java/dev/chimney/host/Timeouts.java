package dev.chimney.host;

import java.time.Duration;
import java.util.Map;

/**
 * Every wait on a target, by name, with its default. A target that has not answered by then fails
 * the step with the timeout's name in the reason. Override with {@code certify --timeout NAME=MILLIS},
 * or {@code -Dchimney.timeouts=NAME=MILLIS,NAME=MILLIS} ({@link RunSettings#TIMEOUTS}).
 *
 * @param completion how long a target may take to complete a PENDING request
 * @param delivery how long data may take to reach the peer (retransmissions included)
 * @param quiet how long the wire must stay silent before the harness concludes nothing more comes
 */
public record Timeouts(Duration completion, Duration delivery, Duration quiet) {
  /** Defaults: generous for a virtual clock, where waiting costs nothing. */
  public static final Timeouts DEFAULTS =
      new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(500));

  /**
   * The quiet period on real time, where every quiet step costs its full length in wall-clock time.
   * A quiet period only lets a target answer what was just sent to it. The kernel's answers come at
   * once (an ACK of out-of-order data, a FIN or a stray segment; an RST from a closed socket) or
   * after a delayed ACK of at most 40 ms on a fresh connection; 100 ms is more than twice that. It
   * stays below the 200 ms minimum RTO on purpose: steps that need a retransmission wait for it by
   * condition within {@link #delivery}, never by letting a quiet period run long enough.
   */
  public static final Duration REAL_TIME_QUIET = Duration.ofMillis(100);

  /** Defaults for targets on real time: those of {@link #DEFAULTS} with {@link #REAL_TIME_QUIET}. */
  public static final Timeouts REAL_TIME_DEFAULTS =
      new Timeouts(DEFAULTS.completion, DEFAULTS.delivery, REAL_TIME_QUIET);

  /** {@link #DEFAULTS} with any of {@code completion}, {@code delivery}, {@code quiet} (milliseconds) replaced. */
  public static Timeouts from(Map<String, String> overrides) {
    return from(overrides, DEFAULTS);
  }

  /** {@code defaults} with any of {@code completion}, {@code delivery}, {@code quiet} (milliseconds) replaced. */
  public static Timeouts from(Map<String, String> overrides, Timeouts defaults) {
    return new Timeouts(
        millis(overrides, "completion", defaults.completion),
        millis(overrides, "delivery", defaults.delivery),
        millis(overrides, "quiet", defaults.quiet));
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
