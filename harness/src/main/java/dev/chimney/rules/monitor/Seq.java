package dev.chimney.rules.monitor;

import dev.chimney.wire.SeqNum;

/** How evidence quotes a sequence number that may not be known ({@link SeqNum#NONE}). */
final class Seq {
  private Seq() {}

  /** {@code seq} as evidence has always shown it: the number, or "null" when {@link SeqNum#NONE}. */
  static String text(long seq) {
    return seq == SeqNum.NONE ? "null" : Long.toString(seq);
  }
}
