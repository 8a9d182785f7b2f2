package dev.chimney.kernel;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.spi.TcpOffloadEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One offloaded connection: a kernel socket restored with TCP_REPAIR, and the chimney requests
 * mapped onto it. Sends are written to the socket (without blocking: the thread that would wait
 * is the one that injects the peer's ACKs) and complete once the kernel's send queue shows them
 * acknowledged; receives are delivered by {@link ReceivePath}; a graceful disconnect is
 * shutdown(SHUT_WR) or close() (see {@link GracefulClose}); an abortive one is SO_LINGER {1, 0}
 * then close; a terminate reads the socket out in repair mode and closes it there, which sends
 * nothing.
 *
 * <p>Everything but {@link #route} runs on the namespace's thread. {@link #check()} runs after
 * every packet injected into the kernel and on the loop's tick while the connection waits for
 * something; it is where completions and indications come from.
 */
final class KernelConnection {
  /** Where packets for this connection from the wire go. */
  enum Route {
    /** The host's ordinary receive path: before the offload completes, and from the terminate on. */
    HOST,
    /** Into the kernel through the TUN device. */
    KERNEL,
    /** Nowhere: the target aborted the connection and processes nothing more of it (DSC-5). */
    DROP
  }

  private static final int KERNEL_TIME_WAIT = 6;
  private static final int KERNEL_CLOSE = 7;

  volatile Route route = Route.HOST;
  final Packets.Tuple tuple;
  final NdisOffloadHandle handle;
  private final OffloadHost host;
  private final GracefulClose gracefulClose;
  private final long sndBase;
  private final SendLedger ledger = new SendLedger();
  private final ReceivePath receive;
  private final Deque<byte[]> toKernel = new ArrayDeque<>();
  private int fd;
  private long inKernel;
  private boolean shutdownPending;
  private boolean finQueued;
  private boolean orphaned;
  private long peerAckSeen = -1;
  private NetBufferList pendingDisconnect;
  private boolean peerFinIndicated;
  private boolean reset;
  private TcpRepair.ReadOut abortSnapshot;

  KernelConnection(Packets.Tuple tuple, NdisOffloadHandle handle, OffloadHost host, GracefulClose gracefulClose,
      int fd, long sndBase, long sentUnacknowledged) {
    this.tuple = tuple;
    this.handle = handle;
    this.host = host;
    this.gracefulClose = gracefulClose;
    this.fd = fd;
    this.sndBase = sndBase;
    this.inKernel = sentUnacknowledged;
    this.receive = new ReceivePath(host, handle);
  }

  /**
   * Takes over the initiate's send lists: the first {@code sentUnacknowledged} bytes were restored
   * into the kernel already, the rest is written now.
   */
  void takeOver(List<NetBufferList> lists, long sentUnacknowledged) {
    long skip = sentUnacknowledged;
    for (NetBufferList l : lists) {
      ledger.add(l);
      byte[] data = l.data();
      int from = (int) Math.min(skip, data.length);
      skip -= from;
      if (from < data.length) {
        toKernel.add(java.util.Arrays.copyOfRange(data, from, data.length));
      }
    }
    flushToKernel();
  }

  /** MiniportTcpOffloadSend. */
  NdisStatus send(NetBufferList chain) {
    List<NetBufferList> lists = NetBufferList.toList(chain);
    if (aborted()) {
      lists.forEach(l -> l.setStatus(NdisStatus.REQUEST_ABORTED));
      host.tcpOffloadSendComplete(chain);
      return NdisStatus.PENDING;
    }
    if (shutdownPending || finQueued) {
      return NdisStatus.INVALID_STATE;
    }
    for (NetBufferList l : lists) {
      ledger.add(l);
      toKernel.add(l.data());
    }
    flushToKernel();
    return NdisStatus.PENDING;
  }

  /** MiniportTcpOffloadReceive. */
  void post(NetBufferList chain) {
    if (aborted()) {
      NetBufferList.toList(chain).forEach(l -> l.setStatus(NdisStatus.REQUEST_ABORTED));
      host.tcpOffloadReceiveComplete(chain);
      return;
    }
    receive.post(chain);
  }

  /** MiniportTcpOffloadDisconnect; the completion comes from {@link #check()} or at once. */
  void disconnect(NetBufferList nbl, DisconnectFlags flags) {
    if (aborted() || pendingDisconnect != null || shutdownPending || finQueued) {
      // after the peer's RST or our own close there is nothing to disconnect (DSC-11)
      nbl.setStatus(NdisStatus.INVALID_STATE);
      host.tcpOffloadDisconnectComplete(nbl);
      return;
    }
    if (flags == DisconnectFlags.ABORTIVE_CLOSE) {
      abort(nbl);
      return;
    }
    pendingDisconnect = nbl;
    byte[] data = nbl.data();
    if (data.length > 0) {
      ledger.addDisconnectData(ReceivePath.targetList(data));
      toKernel.add(data);
    }
    shutdownPending = true;
    flushToKernel();
  }

  private void abort(NetBufferList nbl) {
    failSends(NdisStatus.REQUEST_ABORTED);
    receive.failPosted(NdisStatus.REQUEST_ABORTED);
    route = Route.DROP;
    if (!orphaned) {
      abortSnapshot = TcpRepair.readOut(fd);
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR, Linux.TCP_REPAIR_OFF_NO_WP, "TCP_REPAIR off");
      byte[] linger = new byte[8];
      Bytes.writeInt32(linger, 0, 1);
      Sys.setBytes(fd, Linux.SOL_SOCKET, Linux.SO_LINGER, linger, "SO_LINGER {1, 0}");
      Sys.close(fd);
      fd = -1;
    }
    nbl.setStatus(NdisStatus.SUCCESS);
    host.tcpOffloadDisconnectComplete(nbl);
  }

  /** Whether the peer's RST or our own abortive disconnect has ended the connection. */
  private boolean aborted() {
    return reset || abortSnapshot != null;
  }

  /** Notes the acknowledgment number of a segment from the peer about to be injected. */
  void sawFromPeer(byte[] packet) {
    long ack = Packets.ackNumber(packet);
    if (ack >= 0 && (peerAckSeen < 0 || ((ack - peerAckSeen) & 0xFFFF_FFFFL) < 0x8000_0000L)) {
      peerAckSeen = ack;
    }
  }

  /** Whether the connection waits on something only the kernel's progress can bring. */
  boolean busy() {
    return fd >= 0 && (ledger.hostListsPending() || pendingDisconnect != null || !toKernel.isEmpty())
        || orphaned && pendingDisconnect != null;
  }

  /** Completes and indicates what the kernel's state allows now. */
  void check() {
    if (abortSnapshot != null) {
      return;
    }
    if (!orphaned && fd >= 0) {
      short revents = pollNow();
      if ((revents & Linux.POLLERR) != 0 && !reset) {
        int error = Sys.getInt(fd, Linux.SOL_SOCKET, Linux.SO_ERROR, "SO_ERROR");
        if (error == Linux.ECONNRESET) {
          peerReset();
          return;
        }
      }
      receive.deliver(fd);
      if ((revents & Linux.POLLRDHUP) != 0 && !peerFinIndicated && receive.allOffered(fd)) {
        peerFinIndicated = true;
        host.tcpOffloadEvent(handle, TcpOffloadEvent.INDICATE_DISCONNECT, null);
      }
      flushToKernel();
    }
    completeAcknowledged();
  }

  private void completeAcknowledged() {
    long finSeqs = finQueued ? 1 : 0;
    long ackedSeqs;
    if (orphaned) {
      ackedSeqs = peerAckSeen < 0 ? 0 : Math.min((peerAckSeen - sndBase) & 0xFFFF_FFFFL, inKernel + finSeqs);
    } else if (fd >= 0) {
      ackedSeqs = inKernel + finSeqs - Sys.ioctlInt(fd, Linux.SIOCOUTQ, "SIOCOUTQ");
    } else {
      return;
    }
    List<NetBufferList> done = ledger.takeAcknowledged(Math.min(ackedSeqs, inKernel));
    if (!done.isEmpty()) {
      host.tcpOffloadSendComplete(NetBufferList.chain(done));
    }
    if (finQueued && ackedSeqs == inKernel + 1 && !ledger.hostListsPending()) {
      completePendingDisconnect(NdisStatus.SUCCESS);
    }
  }

  /** Completes the host's send lists still held, with {@code status}. */
  private void failSends(NdisStatus status) {
    List<NetBufferList> failed = ledger.failHostLists(status);
    if (!failed.isEmpty()) {
      host.tcpOffloadSendComplete(NetBufferList.chain(failed));
    }
  }

  /** Completes the graceful disconnect under way, if any, with {@code status}. */
  private void completePendingDisconnect(NdisStatus status) {
    if (pendingDisconnect != null) {
      NetBufferList d = pendingDisconnect;
      pendingDisconnect = null;
      d.setStatus(status);
      host.tcpOffloadDisconnectComplete(d);
    }
  }

  private void peerReset() {
    reset = true;
    route = Route.DROP;
    host.tcpOffloadEvent(handle, TcpOffloadEvent.INDICATE_ABORT, null);
    failSends(NdisStatus.REQUEST_ABORTED);
    completePendingDisconnect(NdisStatus.REQUEST_ABORTED);
    receive.failPosted(NdisStatus.REQUEST_ABORTED);
  }

  /** Writes what the socket takes now; then the FIN once every byte before it is in the kernel. */
  private void flushToKernel() {
    while (!toKernel.isEmpty() && fd >= 0 && !orphaned) {
      byte[] chunk = toKernel.peekFirst();
      long n = LibC.INSTANCE.send(fd, chunk, chunk.length, Linux.MSG_DONTWAIT | Linux.MSG_NOSIGNAL);
      if (n < 0) {
        int errno = com.sun.jna.Native.getLastError();
        if (errno == Linux.EAGAIN) {
          return;
        }
        throw new KernelCallException("send", errno);
      }
      inKernel += n;
      toKernel.removeFirst();
      if (n < chunk.length) {
        toKernel.addFirst(java.util.Arrays.copyOfRange(chunk, (int) n, chunk.length));
      }
    }
    if (shutdownPending && toKernel.isEmpty()) {
      shutdownPending = false;
      finQueued = true;
      if (gracefulClose == GracefulClose.SHUTDOWN) {
        Sys.check(LibC.INSTANCE.shutdown(fd, Linux.SHUT_WR), "shutdown(SHUT_WR)");
      } else {
        Sys.close(fd);
        fd = -1;
        orphaned = true;
      }
    }
  }

  private short pollNow() {
    byte[] pfd = new byte[8];
    Bytes.writeInt32(pfd, 0, fd);
    Bytes.writeInt16(pfd, 4, Linux.POLLIN | Linux.POLLRDHUP);
    Sys.check(LibC.INSTANCE.poll(pfd, 1, 0), "poll(socket)");
    return (short) Bytes.readInt16(pfd, 6);
  }

  /**
   * MiniportTerminateOffload of this connection: sends any delayed ACK owed, reads the socket out,
   * closes it in repair mode, and writes the delegated state, the send lists not yet acknowledged
   * (TOC-5, TOC-7) and the unread received bytes (TOC-8).
   *
   * @return SUCCESS, or FAILURE when the kernel no longer has the socket (closed by the CLOSE mapping)
   */
  NdisStatus terminate(TcpDelegatedState delegated, java.util.function.Consumer<NetBufferList> chainOut) {
    route = Route.HOST;
    completePendingDisconnect(NdisStatus.UPLOAD_IN_PROGRESS);
    receive.failPosted(NdisStatus.UPLOAD_IN_PROGRESS);
    if (orphaned) {
      // close() gave the socket to the kernel, which no longer lets it be read out: the state is lost
      failSends(NdisStatus.REQUEST_ABORTED);
      return NdisStatus.FAILURE;
    }
    TcpRepair.ReadOut r = abortSnapshot;
    if (r == null) {
      Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_QUICKACK, 1, "TCP_QUICKACK");
      r = TcpRepair.readOut(fd);
      Sys.close(fd);
      fd = -1;
    }
    delegated.set(Field.SND_UNA, r.sndUna()).set(Field.SND_NXT, r.sndNxt()).set(Field.SND_MAX, r.sndNxt())
        .set(Field.RCV_NXT, r.rcvNxt()).set(Field.SND_WND, r.sndWnd())
        .setState(aborted() ? TcpConnectionState.CLOSED : stateOf(r.tcpState()));
    if (!aborted()) {
      delegated.setBufferedData(r.receiveQueue().length == 0 ? null : ReceivePath.targetList(r.receiveQueue()));
    }
    List<NetBufferList> outstanding = ledger.takeAll();
    chainOut.accept(outstanding.isEmpty() ? null : NetBufferList.chain(outstanding));
    return NdisStatus.SUCCESS;
  }

  private TcpConnectionState stateOf(int kernelState) {
    if (kernelState == KERNEL_CLOSE && finQueued) {
      // the kernel moved the socket's connection into a TIME_WAIT entry of its own
      return TcpConnectionState.TIME_WAIT;
    }
    return switch (kernelState) {
      case 1 -> TcpConnectionState.ESTABLISHED;
      case 2 -> TcpConnectionState.SYN_SENT;
      case 3 -> TcpConnectionState.SYN_RCVD;
      case 4 -> TcpConnectionState.FIN_WAIT_1;
      case 5 -> TcpConnectionState.FIN_WAIT_2;
      case KERNEL_TIME_WAIT -> TcpConnectionState.TIME_WAIT;
      case 8 -> TcpConnectionState.CLOSE_WAIT;
      case 9 -> TcpConnectionState.LAST_ACK;
      case 10 -> TcpConnectionState.LISTEN;
      case 11 -> TcpConnectionState.CLOSING;
      default -> TcpConnectionState.CLOSED;
    };
  }

  /** The adapter halts: close the socket in repair mode, which sends nothing. */
  void halt() {
    route = Route.DROP;
    if (fd >= 0) {
      try {
        Sys.setInt(fd, Linux.SOL_TCP, Linux.TCP_REPAIR, Linux.TCP_REPAIR_ON, "TCP_REPAIR on");
      } finally {
        Sys.close(fd);
        fd = -1;
      }
    }
  }

}
