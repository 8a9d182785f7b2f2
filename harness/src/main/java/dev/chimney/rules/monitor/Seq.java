package dev.chimney.rules.monitor;

/**
 * TCP sequence-number arithmetic (RFC 793 section 3.3): numbers are unsigned 32-bit values held in
 * a long, compared modulo 2^32, so a connection whose numbers wrap is judged correctly.
 */
final class Seq {
  private static final long MASK = 0xFFFF_FFFFL;

  private Seq() {}

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

  /** The later of {@code current} (null for none yet) and {@code candidate}. */
  static Long max(Long current, long candidate) {
    return current == null || lt(current, candidate) ? Long.valueOf(candidate) : current;
  }
}
