package dev.chimney.remote.protocol;

import java.time.Duration;

/**
 * The version and the bounds of the target protocol, in one place: what {@code
 * docs/target-protocol.md} promises, and what the harness enforces so that a target cannot make it
 * run out of memory or hang.
 */
public final class ProtocolLimits {
  private ProtocolLimits() {}

  /** The protocol version this harness speaks; the handshake agrees on it or fails. */
  public static final int VERSION = 1;

  /**
   * The largest frame payload either side accepts. A reader rejects a longer length prefix before
   * reading a byte of the payload, so a frame that claims 2 GB costs nothing. Four MiB holds the
   * largest send chain of the scenarios many times over (data travels base64-encoded).
   */
  public static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

  /**
   * The most messages a target may send during one scenario (upcalls, packets, returns). A target
   * over it is flooding: the harness drops the connection, fails the scenario, and starts afresh
   * for the next. The reference NIC sends a few hundred in the longest scenario; the limit is low
   * enough that the harness reaches it well within the completion timeout, so a flood is named
   * as one rather than as a hang.
   */
  public static final int MAX_MESSAGES_PER_SCENARIO = 10_000;

  /**
   * How long a new target process has to answer the handshake: a child JVM starts in about a
   * second, on a loaded two-core machine in several.
   */
  public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

  /** How many lines of a child process's standard error the harness keeps, for failure messages. */
  public static final int STDERR_TAIL_LINES = 20;

  /** The longest line of a child's standard error kept; the rest of the line is cut. */
  public static final int STDERR_LINE_CHARS = 300;

  /** How long the harness waits for a child process to exit after closing its input, before killing it. */
  public static final Duration EXIT_GRACE = Duration.ofSeconds(2);
}
