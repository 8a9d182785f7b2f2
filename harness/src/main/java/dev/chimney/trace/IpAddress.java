package dev.chimney.trace;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as two longs, IPv4 mapped into IPv6 (::ffff:a.b.c.d), so that both
 * families share one cheap key. Immutable.
 *
 * @param high the first 8 bytes of the IPv6 form
 * @param low the last 8 bytes
 */
record IpAddress(long high, long low) {
  private static final long IPV4_MAPPED = 0x0000_FFFF_0000_0000L;
  private static final long IPV4_MASK = 0xFFFF_FFFFL;

  /** From an address's bytes: 4 for IPv4, 16 for IPv6. */
  private static IpAddress of(byte[] b) {
    return b.length == 4 ? new IpAddress(0, IPV4_MAPPED | bytes(b, 0, 4)) : new IpAddress(bytes(b, 0, 8), bytes(b, 8, 8));
  }

  /**
   * From a literal: "192.0.2.1" or "2001:db8::1". Never looks a name up.
   *
   * @throws IllegalArgumentException when {@code text} is not an address literal
   */
  static IpAddress parse(String text) {
    boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
    }
    try {
      return of(InetAddress.getByName(text).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
    }
  }

  private static long bytes(byte[] b, int from, int count) {
    long v = 0;
    for (int i = from; i < from + count; i++) {
      v = v << 8 | (b[i] & 0xFF);
    }
    return v;
  }

  /** True for an IPv4 address. */
  boolean isIpv4() {
    return high == 0 && (low & ~IPV4_MASK) == IPV4_MAPPED;
  }

  /** The address's bytes: 4 for IPv4, 16 for IPv6. */
  byte[] toBytes() {
    byte[] b = new byte[isIpv4() ? 4 : 16];
    long[] parts = isIpv4() ? new long[] {low} : new long[] {high, low};
    int at = b.length;
    for (int p = parts.length - 1; p >= 0; p--) {
      long v = parts[p];
      for (int i = 0; i < (isIpv4() ? 4 : 8); i++) {
        b[--at] = (byte) v;
        v >>>= 8;
      }
    }
    return b;
  }

  /** "192.0.2.1", or the full IPv6 form "2001:db8:0:0:0:0:0:1". */
  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(toBytes()).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes always make an address", e);
    }
  }
}
