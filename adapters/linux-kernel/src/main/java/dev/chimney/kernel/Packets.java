package dev.chimney.kernel;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The little of IPv4 and TCP the target reads and writes itself: which connection a packet
 * belongs to, and an IPv4 header around a forwarded TCP segment (with both checksums computed: the
 * kernel silently drops a packet whose checksum is wrong).
 */
final class Packets {
  static final int PROTOCOL_TCP = 6;
  private static final int IPV4_HEADER = 20;
  private static final int DEFAULT_TTL = 64;
  private static final int FLAG_RST = 0x04;
  private static final int FLAG_ACK = 0x10;

  private Packets() {}

  /**
   * The connection of a TCP/IPv4 packet as seen by its receiver: local is the destination.
   *
   * @return null when the packet is not TCP over IPv4 or is too short to say
   */
  static Tuple inbound(byte[] p) {
    if (p.length < IPV4_HEADER || (p[0] & 0xF0) != 0x40 || (p[9] & 0xFF) != PROTOCOL_TCP) {
      return null;
    }
    int ihl = (p[0] & 0x0F) * 4;
    if (p.length < ihl + 4) {
      return null;
    }
    return new Tuple(address(p, 16), port(p, ihl + 2), address(p, 12), port(p, ihl));
  }

  /** Whether the TCP segment of {@code p} carries ACK and not RST, and its acknowledgment number. */
  static long ackNumber(byte[] p) {
    int ihl = (p[0] & 0x0F) * 4;
    if (p.length < ihl + 14) {
      return -1;
    }
    int flags = p[ihl + 13] & 0xFF;
    if ((flags & FLAG_ACK) == 0 || (flags & FLAG_RST) != 0) {
      return -1;
    }
    return u32(p, ihl + 8);
  }

  /** An IPv4 packet from {@code source} to {@code destination} carrying {@code tcp}, with checksums. */
  static byte[] ipv4(Inet4Address source, Inet4Address destination, byte[] tcp) {
    byte[] p = new byte[IPV4_HEADER + tcp.length];
    p[0] = 0x45;
    p[2] = (byte) (p.length >>> 8);
    p[3] = (byte) p.length;
    p[6] = 0x40; // DF
    p[8] = (byte) DEFAULT_TTL;
    p[9] = (byte) PROTOCOL_TCP;
    System.arraycopy(source.getAddress(), 0, p, 12, 4);
    System.arraycopy(destination.getAddress(), 0, p, 16, 4);
    putChecksum(p, 10, checksum(p, 0, IPV4_HEADER, 0));
    System.arraycopy(tcp, 0, p, IPV4_HEADER, tcp.length);
    p[IPV4_HEADER + 16] = 0;
    p[IPV4_HEADER + 17] = 0;
    long pseudo = sum(p, 12, 8) + PROTOCOL_TCP + tcp.length;
    putChecksum(p, IPV4_HEADER + 16, checksum(p, IPV4_HEADER, tcp.length, pseudo));
    return p;
  }

  /** Whether the IPv4 header checksum and the TCP checksum of {@code p} are right. */
  static boolean checksumsValid(byte[] p) {
    int ihl = (p[0] & 0x0F) * 4;
    int total = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
    long pseudo = sum(p, 12, 8) + PROTOCOL_TCP + (total - ihl);
    return checksum(p, 0, ihl, 0) == 0 && checksum(p, ihl, total - ihl, pseudo) == 0;
  }

  private static long sum(byte[] b, int offset, int length) {
    long s = 0;
    for (int i = 0; i + 1 < length; i += 2) {
      s += ((b[offset + i] & 0xFF) << 8) | (b[offset + i + 1] & 0xFF);
    }
    if ((length & 1) != 0) {
      s += (b[offset + length - 1] & 0xFF) << 8;
    }
    return s;
  }

  private static int checksum(byte[] b, int offset, int length, long initial) {
    long s = initial + sum(b, offset, length);
    while ((s >>> 16) != 0) {
      s = (s & 0xFFFF) + (s >>> 16);
    }
    return (int) (~s & 0xFFFF);
  }

  private static void putChecksum(byte[] b, int offset, int value) {
    b[offset] = (byte) (value >>> 8);
    b[offset + 1] = (byte) value;
  }

  private static int port(byte[] p, int offset) {
    return ((p[offset] & 0xFF) << 8) | (p[offset + 1] & 0xFF);
  }

  private static long u32(byte[] p, int offset) {
    return ((long) (p[offset] & 0xFF) << 24) | ((p[offset + 1] & 0xFF) << 16) | ((p[offset + 2] & 0xFF) << 8)
        | (p[offset + 3] & 0xFF);
  }

  private static Inet4Address address(byte[] p, int offset) {
    try {
      return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(p, offset, offset + 4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TCP connection's four-tuple, from the target's side. */
  record Tuple(Inet4Address localAddress, int localPort, Inet4Address remoteAddress, int remotePort) {
    @Override
    public String toString() {
      return localAddress.getHostAddress() + ":" + localPort + " > " + remoteAddress.getHostAddress() + ":" + remotePort;
    }
  }
}
