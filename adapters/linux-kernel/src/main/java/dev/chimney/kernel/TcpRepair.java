package dev.chimney.kernel;

import java.net.Inet4Address;

/**
 * TCP_REPAIR, the kernel's interface for checkpointing and restoring a connection (as CRIU uses
 * it): {@link #restore} builds an established socket from a connection's variables without a
 * handshake, {@link #readOut} reads a live socket's variables and queues back. Both run on the
 * namespace's thread. Repair mode does not freeze the connection (the kernel still acknowledges
 * and retransmits), which is why the caller injects nothing while it reads.
 */
final class TcpRepair {
  private static final LibC C = LibC.INSTANCE;
  /** {@code sizeof(struct tcp_repair_window)}: snd_wl1, snd_wnd, max_window, rcv_wnd, rcv_wup. */
  private static final int REPAIR_WINDOW_SIZE = 20;
  /** Offset of {@code tcpi_state} in {@code struct tcp_info}, and the bytes read of it. */
  private static final int TCP_INFO_SIZE = 8;

  private TcpRepair() {}

  /** What a restore needs: the connection's constants and its delegated variables. */
  record Restore(Inet4Address local, int localPort, Inet4Address remote, int remotePort, long sndUna,
      long rcvNxt, long sndWl1, long sndWnd, long rcvWnd, int remoteMss, int sndWindScale, int rcvWindScale,
      byte[] sentUnacknowledged) {}

  /**
   * Restores {@code r} into a new socket in the calling thread's namespace, leaves repair mode
   * without a window probe, and returns the socket's descriptor. The bytes sent but not yet
   * acknowledged are queued in repair mode, which counts them as sent: the kernel retransmits them
   * on its own timer.
   */
  static int restore(Restore r) {
    int fd = Sys.check(C.socket(Linux.AF_INET, Linux.SOCK_STREAM | Linux.SOCK_CLOEXEC, 0), "socket(AF_INET, SOCK_STREAM)");
    try {
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR, Linux.TCP_REPAIR_ON, "TCP_REPAIR on");
      Sys.setInt(fd, Linux.SOL_SOCKET, Linux.SO_REUSEADDR, 1, "SO_REUSEADDR");
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_QUEUE, Linux.TCP_SEND_QUEUE, "TCP_REPAIR_QUEUE send");
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_QUEUE_SEQ, (int) r.sndUna(), "TCP_QUEUE_SEQ SndUna");
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_QUEUE, Linux.TCP_RECV_QUEUE, "TCP_REPAIR_QUEUE receive");
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_QUEUE_SEQ, (int) r.rcvNxt(), "TCP_QUEUE_SEQ RcvNxt");
      byte[] local = Bytes.sockaddrIn(r.local(), r.localPort());
      Sys.check(C.bind(fd, local, local.length), "bind(" + r.local().getHostAddress() + ":" + r.localPort() + ")");
      byte[] remote = Bytes.sockaddrIn(r.remote(), r.remotePort());
      Sys.check(C.connect(fd, remote, remote.length), "connect(" + r.remote().getHostAddress() + ":" + r.remotePort() + ") in repair mode");
      Sys.setBytes(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_OPTIONS, options(r), "TCP_REPAIR_OPTIONS");
      byte[] window = new byte[REPAIR_WINDOW_SIZE];
      Bytes.writeInt32(window, 0, (int) r.sndWl1());
      Bytes.writeInt32(window, 4, (int) r.sndWnd());
      Bytes.writeInt32(window, 8, (int) r.sndWnd());
      Bytes.writeInt32(window, 12, (int) r.rcvWnd());
      Bytes.writeInt32(window, 16, (int) r.rcvNxt());
      Sys.setBytes(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_WINDOW, window, "TCP_REPAIR_WINDOW");
      if (r.sentUnacknowledged().length > 0) {
        Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_QUEUE, Linux.TCP_SEND_QUEUE, "TCP_REPAIR_QUEUE send");
        sendAll(fd, r.sentUnacknowledged(), "send(repair send queue)");
      }
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR, Linux.TCP_REPAIR_OFF_NO_WP, "TCP_REPAIR off");
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_NODELAY, 1, "TCP_NODELAY");
      return fd;
    } catch (RuntimeException e) {
      Sys.close(fd);
      throw e;
    }
  }

  /** MSS, and window scaling when the handshake negotiated it (both shifts 0 means it did not). */
  private static byte[] options(Restore r) {
    boolean scaling = r.sndWindScale() != 0 || r.rcvWindScale() != 0;
    byte[] b = new byte[scaling ? 16 : 8];
    Bytes.writeInt32(b, 0, Linux.TCPOPT_MAXSEG);
    Bytes.writeInt32(b, 4, r.remoteMss());
    if (scaling) {
      Bytes.writeInt32(b, 8, Linux.TCPOPT_WINDOW);
      Bytes.writeInt32(b, 12, r.sndWindScale() | r.rcvWindScale() << 16);
    }
    return b;
  }

  static void sendAll(int fd, byte[] data, String what) {
    int off = 0;
    while (off < data.length) {
      byte[] rest = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, data.length);
      off += (int) Sys.check(C.send(fd, rest, rest.length, Linux.MSG_NOSIGNAL), what);
    }
  }

  /** A socket's variables and receive queue as the kernel holds them. Sequence numbers unsigned 32-bit. */
  record ReadOut(long sndUna, long sndNxt, long rcvNxt, long sndWnd, int tcpState, byte[] receiveQueue) {}

  /**
   * Puts the socket in repair mode (for good: closing it then sends nothing) and reads its
   * variables and the received bytes the application has not read. The send queue is not read: the
   * connection hands back the host's own lists, which it holds until they are acknowledged.
   */
  static ReadOut readOut(int fd) {
    int state = tcpState(fd);
    Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR, Linux.TCP_REPAIR_ON, "TCP_REPAIR on");
    Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_QUEUE, Linux.TCP_SEND_QUEUE, "TCP_REPAIR_QUEUE send");
    long writeSeq = Sys.getInt(fd, Linux.SOL_TCP, Linux.TCP_QUEUE_SEQ, "TCP_QUEUE_SEQ send") & 0xFFFF_FFFFL;
    int outq = Sys.ioctlInt(fd, Linux.SIOCOUTQ, "SIOCOUTQ");
    int notSent = Sys.ioctlInt(fd, Linux.SIOCOUTQNSD, "SIOCOUTQNSD");
    Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_QUEUE, Linux.TCP_RECV_QUEUE, "TCP_REPAIR_QUEUE receive");
    long rcvNxt = Sys.getInt(fd, Linux.SOL_TCP, Linux.TCP_QUEUE_SEQ, "TCP_QUEUE_SEQ receive") & 0xFFFF_FFFFL;
    int inq = Sys.ioctlInt(fd, Linux.SIOCINQ, "SIOCINQ");
    byte[] receiveQueue = peek(fd, inq, "recv(MSG_PEEK, repair receive queue)");
    byte[] window = Sys.getBytes(fd, Linux.SOL_TCP, Linux.TCP_REPAIR_WINDOW, REPAIR_WINDOW_SIZE, "TCP_REPAIR_WINDOW");
    long sndWnd = Bytes.readInt32(window, 4) & 0xFFFF_FFFFL;
    return new ReadOut((writeSeq - outq) & 0xFFFF_FFFFL, (writeSeq - notSent) & 0xFFFF_FFFFL, rcvNxt, sndWnd, state,
        receiveQueue);
  }

  /** Up to {@code length} queued bytes, left in the queue; fewer when the queue holds fewer (a FIN). */
  static byte[] peek(int fd, int length, String what) {
    if (length <= 0) {
      return new byte[0];
    }
    byte[] b = new byte[length];
    long n = C.recv(fd, b, length, Linux.MSG_PEEK | Linux.MSG_DONTWAIT);
    if (n < 0) {
      int errno = com.sun.jna.Native.getLastError();
      if (errno == Linux.EAGAIN) {
        return new byte[0];
      }
      throw new KernelCallException(what, errno);
    }
    return n == length ? b : java.util.Arrays.copyOf(b, (int) n);
  }

  /** {@code tcpi_state}: the kernel's TCP_* state number. */
  static int tcpState(int fd) {
    return Sys.getBytes(fd, Linux.SOL_TCP, Linux.TCP_INFO, TCP_INFO_SIZE, "TCP_INFO")[0] & 0xFF;
  }
}
