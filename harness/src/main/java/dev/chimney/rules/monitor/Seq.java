package dev.chimney.rules.monitor;

import dev.chimney.wire.SeqNum;

/**
 * A sequence number that may not be known yet: {@link #NONE} or a number for {@link SeqNum}'s
 * arithmetic. A field that may not know its number yet holds {@link #NONE} rather than a boxed
 * {@code Long}: the tracker updates such fields on nearly every packet, and a box each time was most
 * of what it allocated.
 */
final class Seq {
  /** No sequence number (yet): outside 0 to 2^32 - 1, so never a real one. */
  static final long NONE = -1;

  private Seq() {}

  /** True unless {@code seq} is {@link #NONE}. */
  static boolean known(long seq) {
    return seq != NONE;
  }

  /** The later of {@code current} ({@link #NONE} for none yet) and {@code candidate}. */
  static long max(long current, long candidate) {
    return current == NONE || SeqNum.lt(current, candidate) ? candidate : current;
  }

  /** {@code seq} as evidence has always shown it: the number, or "null" when {@link #NONE}. */
  static String text(long seq) {
    return seq == NONE ? "null" : Long.toString(seq);
  }
}
