package dev.chimney.rules.monitor;

/**
 * TCP sequence-number arithmetic (RFC 793 section 3.3): numbers are unsigned 32-bit values held in
 * a long, compared modulo 2^32, so a connection whose numbers wrap is judged correctly.
 *
 * <p>A field that may not know its number yet holds {@link #NONE} rather than a boxed {@code Long}:
 * the tracker updates such fields on nearly every packet, and a box each time was most of what it
 * allocated.
 */
final class Seq {
  /** No sequence number (yet): outside 0 to 2^32 - 1, so never a real one. */
  static final long NONE = -1;

  private static final long MASK = 0xFFFF_FFFFL;

  private Seq() {}

  /** True unless {@code seq} is {@link #NONE}. */
  static boolean known(long seq) {
    return seq != NONE;
  }

  /** a &lt; b in sequence space. */
  static boolean lt(long a, long b) {
    return (int) (a - b) < 0;
  }

  /** a &lt;= b in sequence space. */
  static boolean le(long a, long b) {
    return a == b || lt(a, b);
  }

  /** a + n, modulo 2^32. */
  static long add(long a, long n) {
    return (a + n) & MASK;
  }

  /** How far {@code to} is past {@code from} (to - from modulo 2^32). */
  static long distance(long from, long to) {
    return (to - from) & MASK;
  }

  /** The later of {@code current} ({@link #NONE} for none yet) and {@code candidate}. */
  static long max(long current, long candidate) {
    return current == NONE || lt(current, candidate) ? candidate : current;
  }

  /** {@code seq} as evidence has always shown it: the number, or "null" when {@link #NONE}. */
  static String text(long seq) {
    return seq == NONE ? "null" : Long.toString(seq);
  }
}
