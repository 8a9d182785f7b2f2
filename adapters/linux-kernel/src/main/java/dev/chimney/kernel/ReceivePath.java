package dev.chimney.kernel;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadHost;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers what the kernel socket received: recv into the lists the host posted, first in first
 * out, completing each that got data; with none posted, indicates the queued bytes (peeked, so they
 * stay in the kernel) and reads off only what the host consumed. Bytes the host did not consume
 * stay in the kernel's receive queue, where they close the window as they would for any slow
 * reader, and are not indicated twice; a terminate hands them back as buffered data (TOC-8).
 * Used on the namespace's thread only.
 */
final class ReceivePath {
  /** Ids for the lists the target creates, unique across its connections. */
  private static final AtomicLong TARGET_LISTS = new AtomicLong();

  private final OffloadHost host;
  private final NdisOffloadHandle handle;
  private final Deque<NetBufferList> posted = new ArrayDeque<>();
  private boolean indicationPartlyConsumed;

  ReceivePath(OffloadHost host, NdisOffloadHandle handle) {
    this.host = host;
    this.handle = handle;
  }

  void post(NetBufferList chain) {
    posted.addAll(NetBufferList.toList(chain));
  }

  /** Whether every byte the kernel holds has been offered to the host. */
  boolean allOffered(int fd) {
    return indicationPartlyConsumed || Sys.ioctlInt(fd, Linux.SIOCINQ, "SIOCINQ") == 0;
  }

  /** Delivers what the kernel holds for the application on {@code fd}. */
  void deliver(int fd) {
    while (true) {
      int available = Sys.ioctlInt(fd, Linux.SIOCINQ, "SIOCINQ");
      if (available == 0) {
        indicationPartlyConsumed = false;
        return;
      }
      if (!posted.isEmpty()) {
        fillPosted(fd, available);
      } else if (indicationPartlyConsumed || !indicate(fd, available)) {
        return;
      }
    }
  }

  private void fillPosted(int fd, int available) {
    List<NetBufferList> filled = new ArrayList<>();
    int left = available;
    while (left > 0 && !posted.isEmpty()) {
      NetBufferList list = posted.removeFirst();
      for (NetBuffer b : list.buffers()) {
        int n = Math.min(b.capacity() - b.dataLength(), left);
        byte[] data = read(fd, n);
        b.append(data, 0, data.length);
        left -= data.length;
      }
      list.setStatus(NdisStatus.SUCCESS);
      filled.add(list);
    }
    indicationPartlyConsumed = false;
    host.tcpOffloadReceiveComplete(NetBufferList.chain(filled));
  }

  /** Returns whether the host consumed anything or posted lists from inside the indication. */
  private boolean indicate(int fd, int available) {
    byte[] offered = TcpRepair.peek(fd, available, "recv(MSG_PEEK)");
    NetBufferList nbl = targetList(offered);
    int consumed = host.tcpOffloadReceiveIndicate(handle, nbl, NdisStatus.SUCCESS);
    consumed = Math.max(0, Math.min(consumed, offered.length));
    if (consumed > 0) {
      read(fd, consumed);
    }
    indicationPartlyConsumed = consumed < offered.length;
    return consumed > 0 || !posted.isEmpty();
  }

  private static byte[] read(int fd, int length) {
    if (length == 0) {
      return new byte[0];
    }
    byte[] b = new byte[length];
    long n = Sys.check(LibC.INSTANCE.recv(fd, b, length, Linux.MSG_DONTWAIT), "recv");
    return n == length ? b : java.util.Arrays.copyOf(b, (int) n);
  }

  /** Completes every posted list with {@code status}: the connection is done. */
  void failPosted(NdisStatus status) {
    if (posted.isEmpty()) {
      return;
    }
    List<NetBufferList> failed = new ArrayList<>(posted);
    posted.clear();
    failed.forEach(l -> l.setStatus(status));
    host.tcpOffloadReceiveComplete(NetBufferList.chain(failed));
  }

  /** {@code data} as one list of the target's (an indication, buffered data, a copy). */
  static NetBufferList targetList(byte[] data) {
    return NetBufferList.createdByTarget(TARGET_LISTS.incrementAndGet(), NetBuffer.ofData(data));
  }
}
