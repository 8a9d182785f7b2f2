package dev.chimney.host;

import java.time.Duration;

/**
 * A named wait of the harness ran out: the target did not do what was awaited within the {@link
 * Timeouts} entry. The message names the timeout, its length and what was awaited, so that the
 * scenario's failure reads "timeout 'completion' (2000 ms) waiting for send completion of NBL #3".
 */
public final class HarnessTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String timeoutName;

  /**
   * @param timeoutName the {@link Timeouts} component that ran out ("completion", "delivery", "quiet")
   * @param timeout its length
   * @param awaited what the harness was waiting for, as a phrase
   */
  public HarnessTimeoutException(String timeoutName, Duration timeout, String awaited) {
    super("timeout '" + timeoutName + "' (" + timeout.toMillis() + " ms) waiting for " + awaited);
    this.timeoutName = timeoutName;
  }

  /** The name of the timeout that ran out. */
  public String timeoutName() {
    return timeoutName;
  }
}
