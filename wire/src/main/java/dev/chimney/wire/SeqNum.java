package dev.chimney.wire;

/**
 * TCP sequence-number arithmetic modulo 2^32 (RFC 793 section 3.3, serial numbers of RFC 1982 with
 * 32 bits), on unsigned 32-bit values held in a {@code long}, as {@link TcpSegment} and {@link
 * dev.chimney.spi.TcpDelegatedState} hold them. Results that are sequence numbers are always in 0 to
 * 2^32 - 1.
 *
 * <p>Comparison is by the signed 32-bit difference {@link #diff}: {@code a} is after {@code b} when
 * {@code b} reaches it by going forward less than 2^31, so 0x10 is after 0xFFFF_FFF0 (16 past the
 * wrap) and 0xFFFF_FFF0 before 0x10. That is meaningful while the two numbers are less than 2^31
 * apart, which TCP's windows (at most 2^30) keep them. Two numbers exactly 2^31 apart are not
 * comparable by RFC 1982; here {@code diff} is -2^31 for both orders, so {@link #lt} holds both
 * ways and {@link #gt} neither way (as Linux's {@code before()} does): code that must not take
 * such a pair as ordered asks {@code gt}.
 */
public final class SeqNum {
  private static final long MASK = 0xFFFF_FFFFL;

  private SeqNum() {}

  /** {@code value} reduced modulo 2^32: its low 32 bits, as a sequence number. */
  public static long mask(long value) {
    return value & MASK;
  }

  /** {@code seq + n} modulo 2^32; {@code n} may be negative. */
  public static long add(long seq, long n) {
    return mask(seq + n);
  }

  /**
   * {@code a - b} as a signed 32-bit distance: positive when {@code a} is after {@code b}, negative
   * when before, zero when equal, and -2^31 when they are exactly 2^31 apart (either order).
   */
  public static int diff(long a, long b) {
    return (int) (a - b);
  }

  /** How far {@code to} is forward from {@code from}: {@code to - from} modulo 2^32, never negative. */
  public static long distance(long from, long to) {
    return mask(to - from);
  }

  /** Whether {@code a} comes before {@code b}; true both ways for numbers 2^31 apart. */
  public static boolean lt(long a, long b) {
    return diff(a, b) < 0;
  }

  /** Whether {@code a} comes before {@code b} or equals it; true both ways for numbers 2^31 apart. */
  public static boolean le(long a, long b) {
    return diff(a, b) <= 0;
  }

  /** Whether {@code a} comes after {@code b}; false both ways for numbers 2^31 apart. */
  public static boolean gt(long a, long b) {
    return diff(a, b) > 0;
  }

  /** The later of {@code a} and {@code b}; {@code b} when they are 2^31 apart. */
  public static long max(long a, long b) {
    return gt(a, b) ? a : b;
  }

  /**
   * No sequence number (yet): outside 0 to 2^32 - 1, so never a real one. A field that may not know
   * its number yet holds it rather than a boxed {@code Long}: such fields are updated on nearly
   * every packet, and a box each time was most of what their owners allocated.
   */
  public static final long NONE = -1;

  /** True unless {@code seq} is {@link #NONE}. */
  public static boolean known(long seq) {
    return seq != NONE;
  }

  /** The highest so far once {@code candidate} is seen: {@code candidate} when {@code highest} is {@link #NONE}. */
  public static long highest(long highest, long candidate) {
    return highest == NONE ? candidate : max(highest, candidate);
  }
}
