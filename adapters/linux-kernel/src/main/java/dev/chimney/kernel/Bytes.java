package dev.chimney.kernel;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;

/**
 * Lays out the small C structures the calls take, in native (little-endian) byte order where the
 * kernel reads host order and network order where it reads network order.
 */
final class Bytes {
  /** {@code sizeof(struct sockaddr_in)}. */
  static final int SOCKADDR_IN_SIZE = 16;

  private Bytes() {}

  static byte[] int32(int value) {
    byte[] b = new byte[4];
    writeInt32(b, 0, value);
    return b;
  }

  static void writeInt32(byte[] b, int offset, int value) {
    b[offset] = (byte) value;
    b[offset + 1] = (byte) (value >>> 8);
    b[offset + 2] = (byte) (value >>> 16);
    b[offset + 3] = (byte) (value >>> 24);
  }

  static int readInt32(byte[] b, int offset) {
    return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16
        | (b[offset + 3] & 0xFF) << 24;
  }

  static void writeInt16(byte[] b, int offset, int value) {
    b[offset] = (byte) value;
    b[offset + 1] = (byte) (value >>> 8);
  }

  static int readInt16(byte[] b, int offset) {
    return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
  }

  /** {@code struct sockaddr_in} for {@code address}:{@code port}. */
  static byte[] sockaddrIn(Inet4Address address, int port) {
    byte[] b = new byte[SOCKADDR_IN_SIZE];
    writeSockaddrIn(b, 0, address, port);
    return b;
  }

  static void writeSockaddrIn(byte[] b, int offset, Inet4Address address, int port) {
    writeInt16(b, offset, Linux.AF_INET);
    b[offset + 2] = (byte) (port >>> 8);
    b[offset + 3] = (byte) port;
    System.arraycopy(address.getAddress(), 0, b, offset + 4, 4);
  }

  /** A {@code struct ifreq} for the interface {@code name}, its union zeroed. */
  static byte[] ifreq(String name) {
    byte[] b = new byte[Linux.IFREQ_SIZE];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, b, 0, Math.min(n.length, Linux.IFNAMSIZ - 1));
    return b;
  }

  /** The NUL-terminated interface name at the start of an ifreq. */
  static String ifreqName(byte[] ifreq) {
    int end = 0;
    while (end < Linux.IFNAMSIZ && ifreq[end] != 0) {
      end++;
    }
    return new String(ifreq, 0, end, StandardCharsets.US_ASCII);
  }
}
