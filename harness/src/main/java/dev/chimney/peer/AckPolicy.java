package dev.chimney.peer;

/**
 * How much of the target's stream a {@link PeerConnection} acknowledges. The peer still takes
 * in-order data it does not acknowledge (it shows in {@link PeerConnection#received()}); only the
 * acknowledgment is withheld, so the target sees its data as outstanding. The target's FIN counts
 * as one byte after its data.
 *
 * @param maxBytes how many bytes of the target's sequence space after its SYN the peer will ever
 *     acknowledge; {@link Long#MAX_VALUE} for no limit
 */
public record AckPolicy(long maxBytes) {
  /** Acknowledge every in-order segment at once (the default). */
  public static final AckPolicy ALL = new AckPolicy(Long.MAX_VALUE);

  /** Withhold every acknowledgment of the target's data and FIN. */
  public static final AckPolicy NONE = new AckPolicy(0);

  public AckPolicy {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
  }

  /** Acknowledge at most {@code bytes} bytes of the target's stream, then withhold. */
  public static AckPolicy upTo(long bytes) {
    return new AckPolicy(bytes);
  }

  /** Whether the policy forbids acknowledging anything past {@code taken} bytes. */
  boolean reached(long taken) {
    return maxBytes <= taken;
  }

  /** How many of {@code taken} bytes the policy lets the peer acknowledge. */
  long ackable(long taken) {
    return Math.min(taken, maxBytes);
  }

  @Override
  public String toString() {
    return maxBytes == Long.MAX_VALUE ? "ALL" : maxBytes == 0 ? "NONE" : "upTo(" + maxBytes + ")";
  }
}
