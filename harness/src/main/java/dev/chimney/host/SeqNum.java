package dev.chimney.host;

/** Modulo-2^32 sequence number arithmetic (RFC 793 comparisons), on values held in a long. */
final class SeqNum {
  private SeqNum() {}

  /** {@code a - b} as a signed distance, correct across the 2^32 wrap. */
  static long diff(long a, long b) {
    return (int) (a - b);
  }

  /** {@code a + n} modulo 2^32. */
  static long add(long a, long n) {
    return (a + n) & 0xFFFF_FFFFL;
  }

  /** Whether {@code a} comes before {@code b}. */
  static boolean lt(long a, long b) {
    return diff(a, b) < 0;
  }

  /** Whether {@code a} comes after {@code b}. */
  static boolean gt(long a, long b) {
    return diff(a, b) > 0;
  }
}
