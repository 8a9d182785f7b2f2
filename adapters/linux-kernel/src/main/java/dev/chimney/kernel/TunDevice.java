package dev.chimney.kernel;

import com.sun.jna.Memory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The target's wire inside its namespace: a TUN device ({@code IFF_TUN | IFF_NO_PI}, so reads and
 * writes are bare IPv4 packets), up, holding the target's address, and the namespace's default
 * route through it, so that every peer is reached through it.
 *
 * <p>Created on the namespace's thread (the device belongs to the namespace of the thread that
 * opens it); its descriptor may then be read and written from any thread. Non-blocking.
 */
final class TunDevice implements AutoCloseable {
  /** The device's name: each namespace is fresh, so the first name is always free. */
  static final String NAME = "tun0";
  private static final Inet4Address ANY = any();

  private final int fd;

  private TunDevice(int fd) {
    this.fd = fd;
  }

  /** Creates the device in the calling thread's namespace and brings it up with {@code address}. */
  static TunDevice create(Inet4Address address) {
    LibC c = LibC.INSTANCE;
    int fd = Sys.check(c.open("/dev/net/tun", Linux.O_RDWR | Linux.O_NONBLOCK | Linux.O_CLOEXEC), "open(/dev/net/tun)");
    try {
      byte[] ifr = Bytes.ifreq(NAME);
      Bytes.writeInt16(ifr, Linux.IFNAMSIZ, Linux.IFF_TUN | Linux.IFF_NO_PI);
      Sys.check(c.ioctl(fd, Linux.TUNSETIFF, ifr), "ioctl(TUNSETIFF)");
      configure(Bytes.ifreqName(ifr), address);
      return new TunDevice(fd);
    } catch (RuntimeException e) {
      Sys.close(fd);
      throw e;
    }
  }

  private static void configure(String name, Inet4Address address) {
    LibC c = LibC.INSTANCE;
    int s = Sys.check(c.socket(Linux.AF_INET, Linux.SOCK_DGRAM | Linux.SOCK_CLOEXEC, 0), "socket(AF_INET, SOCK_DGRAM)");
    try {
      byte[] ifr = Bytes.ifreq(name);
      Bytes.writeSockaddrIn(ifr, Linux.IFNAMSIZ, address, 0);
      Sys.check(c.ioctl(s, Linux.SIOCSIFADDR, ifr), "ioctl(SIOCSIFADDR " + address.getHostAddress() + ")");
      ifr = Bytes.ifreq(name);
      Sys.check(c.ioctl(s, Linux.SIOCGIFFLAGS, ifr), "ioctl(SIOCGIFFLAGS)");
      Bytes.writeInt16(ifr, Linux.IFNAMSIZ, Bytes.readInt16(ifr, Linux.IFNAMSIZ) | Linux.IFF_UP);
      Sys.check(c.ioctl(s, Linux.SIOCSIFFLAGS, ifr), "ioctl(SIOCSIFFLAGS up)");
      addDefaultRoute(s, name);
    } finally {
      Sys.close(s);
    }
  }

  private static void addDefaultRoute(int s, String name) {
    try (Memory rt = new Memory(Linux.RTENTRY_SIZE); Memory dev = new Memory(Linux.IFNAMSIZ)) {
      rt.clear();
      dev.clear();
      dev.setString(0, name, "US-ASCII");
      rt.write(Linux.RTENTRY_DST, Bytes.sockaddrIn(ANY, 0), 0, Bytes.SOCKADDR_IN_SIZE);
      rt.write(Linux.RTENTRY_GENMASK, Bytes.sockaddrIn(ANY, 0), 0, Bytes.SOCKADDR_IN_SIZE);
      rt.setShort(Linux.RTENTRY_FLAGS, Linux.RTF_UP);
      rt.setPointer(Linux.RTENTRY_DEV, dev);
      Sys.check(LibC.INSTANCE.ioctl(s, Linux.SIOCADDRT, rt), "ioctl(SIOCADDRT default dev " + name + ")");
    }
  }

  /** The descriptor, for poll. */
  int fd() {
    return fd;
  }

  /** Hands one IPv4 packet to the kernel as if it had arrived on the device. */
  void write(byte[] packet) {
    Sys.check(LibC.INSTANCE.write(fd, packet, packet.length), "write(tun)");
  }

  /** The next packet the kernel sent through the device, or null when there is none now. */
  byte[] read(byte[] scratch) {
    long n = LibC.INSTANCE.read(fd, scratch, scratch.length);
    if (n < 0) {
      int errno = com.sun.jna.Native.getLastError();
      if (errno == Linux.EAGAIN || errno == Linux.EINTR) {
        return null;
      }
      throw new KernelCallException("read(tun)", errno);
    }
    return java.util.Arrays.copyOf(scratch, (int) n);
  }

  @Override
  public void close() {
    Sys.close(fd);
  }

  private static Inet4Address any() {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
