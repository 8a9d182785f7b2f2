package dev.chimney.faulty;

/** TCP sequence-number arithmetic modulo 2^32, for the interposer's bookkeeping. */
final class Seq32 {
  private static final long MASK = 0xFFFF_FFFFL;
  private static final long HALF = 1L << 31;

  private Seq32() {}

  static long add(long seq, long n) {
    return (seq + n) & MASK;
  }

  /** Bytes from {@code a} forward to {@code b}. */
  static long distance(long a, long b) {
    return (b - a) & MASK;
  }

  /** Whether {@code a} comes before {@code b}. */
  static boolean lt(long a, long b) {
    long d = distance(a, b);
    return d != 0 && d < HALF;
  }
}
