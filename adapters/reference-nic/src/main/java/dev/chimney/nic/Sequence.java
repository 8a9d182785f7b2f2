package dev.chimney.nic;

/**
 * TCP sequence-number arithmetic modulo 2^32 (RFC 793 section 3.3). Sequence numbers are unsigned
 * 32-bit values held in a long, as in {@link dev.chimney.spi.TcpDelegatedState}.
 */
final class Sequence {
  static final long MASK = 0xFFFF_FFFFL;

  private Sequence() {}

  /** {@code seq + n}, modulo 2^32. */
  static long add(long seq, long n) {
    return (seq + n) & MASK;
  }

  /**
   * The signed distance from {@code from} to {@code to}: positive when {@code to} is after {@code
   * from}. Valid while the two are less than 2^31 apart, which a window of at most 2^30 guarantees.
   */
  static int distance(long from, long to) {
    return (int) ((to - from) & MASK);
  }

  /** Whether {@code a} comes strictly before {@code b}. */
  static boolean before(long a, long b) {
    return distance(a, b) > 0;
  }
}
