package dev.chimney.peer;

/** Arithmetic on 32-bit TCP sequence numbers held in longs: everything wraps modulo 2^32. */
final class Seq {
  private static final long MASK = 0xFFFF_FFFFL;

  private Seq() {}

  /** {@code seq + n}, wrapped. */
  static long add(long seq, long n) {
    return (seq + n) & MASK;
  }

  /** The signed distance from {@code b} to {@code a}: positive when {@code a} is after {@code b}. */
  static long diff(long a, long b) {
    return (int) (a - b);
  }

  static boolean lt(long a, long b) {
    return diff(a, b) < 0;
  }

  static boolean le(long a, long b) {
    return diff(a, b) <= 0;
  }

  static boolean gt(long a, long b) {
    return diff(a, b) > 0;
  }

  /** The later of two sequence numbers. */
  static long max(long a, long b) {
    return gt(a, b) ? a : b;
  }
}
