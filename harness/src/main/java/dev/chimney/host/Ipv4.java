package dev.chimney.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 addresses from their four bytes, without a name lookup. */
final class Ipv4 {
  private Ipv4() {}

  static Inet4Address of(int a, int b, int c, int d) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}
