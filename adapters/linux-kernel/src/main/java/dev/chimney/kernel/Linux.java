package dev.chimney.kernel;

/**
 * The Linux constants this target uses, named as in the kernel headers. Values checked on this
 * kind of machine (Debian 12, kernel 6.x, x86-64); see the issue that introduced the target.
 */
final class Linux {
  private Linux() {}

  // open(2), eventfd(2), unshare(2)
  static final int O_RDWR = 0x2;
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;
  static final int EFD_NONBLOCK = 0x800;
  static final int EFD_CLOEXEC = 0x80000;
  static final int CLONE_NEWNET = 0x40000000;

  // errno
  static final int EAGAIN = 11;
  static final int EINTR = 4;
  static final int ECONNRESET = 104;

  // TUN (linux/if_tun.h) and interface ioctls (linux/sockios.h, linux/if.h)
  static final long TUNSETIFF = 0x400454caL;
  static final short IFF_TUN = 0x0001;
  static final short IFF_NO_PI = 0x1000;
  static final short IFF_UP = 0x1;
  static final long SIOCGIFFLAGS = 0x8913;
  static final long SIOCSIFFLAGS = 0x8914;
  static final long SIOCSIFADDR = 0x8916;
  static final long SIOCADDRT = 0x890b;
  static final short RTF_UP = 0x1;
  /** {@code struct rtentry} (x86-64): sizes and the offsets of the fields set. */
  static final int RTENTRY_SIZE = 120;
  static final int RTENTRY_DST = 8;
  static final int RTENTRY_GENMASK = 40;
  static final int RTENTRY_FLAGS = 56;
  static final int RTENTRY_DEV = 88;
  static final int IFNAMSIZ = 16;
  static final int IFREQ_SIZE = 40;

  // sockets
  static final int AF_INET = 2;
  static final int SOCK_STREAM = 1;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int SOL_SOCKET = 1;
  static final int SO_REUSEADDR = 2;
  static final int SO_ERROR = 4;
  static final int SO_LINGER = 13;
  static final int SHUT_WR = 1;
  static final int MSG_PEEK = 0x2;
  static final int MSG_DONTWAIT = 0x40;
  static final int MSG_NOSIGNAL = 0x4000;
  static final long SIOCINQ = 0x541b;
  static final long SIOCOUTQ = 0x5411;
  static final long SIOCOUTQNSD = 0x894b;

  // TCP (linux/tcp.h)
  static final int SOL_TCP = 6;
  static final int TCP_NODELAY = 1;
  static final int TCP_INFO = 11;
  static final int TCP_QUICKACK = 12;
  static final int TCP_REPAIR = 19;
  static final int TCP_REPAIR_QUEUE = 20;
  static final int TCP_QUEUE_SEQ = 21;
  static final int TCP_REPAIR_OPTIONS = 22;
  static final int TCP_REPAIR_WINDOW = 29;
  static final int TCP_REPAIR_ON = 1;
  /** Leaves repair mode without the window probe the kernel otherwise sends. */
  static final int TCP_REPAIR_OFF_NO_WP = -1;
  static final int TCP_RECV_QUEUE = 1;
  static final int TCP_SEND_QUEUE = 2;
  static final int TCPOPT_MAXSEG = 2;
  static final int TCPOPT_WINDOW = 3;

  // poll(2)
  static final short POLLIN = 0x1;
  static final short POLLERR = 0x8;
  static final short POLLRDHUP = 0x2000;
}
