package dev.chimney.trace;

import dev.chimney.wire.SeqNum;

/**
 * The highest of a series of 32-bit sequence or acknowledgment numbers seen so far, compared modulo
 * 2^32, or none yet. Mutable and unboxed: it advances on nearly every packet, where a boxed Long
 * cost an allocation each time. Trace judge thread only.
 */
final class HighestSeq {
  private boolean known;
  private long value;

  /** Takes {@code candidate} when it is later than the highest so far, or the first. */
  void advance(long candidate) {
    if (!known || SeqNum.lt(value, candidate)) {
      known = true;
      value = candidate;
    }
  }

  /** The highest so far, or null when none was seen. */
  Long orNull() {
    return known ? Long.valueOf(value) : null;
  }
}
