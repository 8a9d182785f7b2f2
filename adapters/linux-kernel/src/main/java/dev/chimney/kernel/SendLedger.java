package dev.chimney.kernel;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The send lists a connection holds, in delivery order, each with where its last byte ends in the
 * stream handed to the kernel. A list completes with SUCCESS once the kernel reports every byte of
 * it acknowledged (SND-1, SND-2). Positions count bytes from the SndUna the connection was restored
 * with. Used on the namespace's thread only.
 */
final class SendLedger {
  /** {@code hostList}: the host's send list, to complete; else the target's copy of disconnect data. */
  private record Pending(NetBufferList list, long end, boolean hostList) {}

  private final Deque<Pending> pending = new ArrayDeque<>();
  private long written;

  /** Adds the host's send {@code list}, whose data goes to the kernel next. */
  void add(NetBufferList list) {
    written += list.dataLength();
    pending.add(new Pending(list, written, true));
  }

  /**
   * Adds a graceful disconnect's data as a list of the target's: never completed as a send, but
   * handed back in order with the sends when a terminate comes first (TOC-5).
   */
  void addDisconnectData(NetBufferList copy) {
    written += copy.dataLength();
    pending.add(new Pending(copy, written, false));
  }

  /**
   * Removes the lists whose last byte is at or before {@code acked} and returns the host's among
   * them, in order, their status SUCCESS.
   */
  List<NetBufferList> takeAcknowledged(long acked) {
    List<NetBufferList> done = new ArrayList<>();
    while (!pending.isEmpty() && pending.peekFirst().end() <= acked) {
      Pending p = pending.removeFirst();
      if (p.hostList()) {
        p.list().setStatus(NdisStatus.SUCCESS);
        done.add(p.list());
      }
    }
    return done;
  }

  /** Whether any of the host's send lists is still held. */
  boolean hostListsPending() {
    return pending.stream().anyMatch(Pending::hostList);
  }

  /** Removes the host's lists still held and returns them, in order, with {@code status}. */
  List<NetBufferList> failHostLists(NdisStatus status) {
    List<NetBufferList> failed = new ArrayList<>();
    pending.removeIf(p -> {
      if (p.hostList()) {
        p.list().setStatus(status);
        failed.add(p.list());
      }
      return p.hostList();
    });
    return failed;
  }

  /** Removes and returns every list still held, the host's and the target's, in order. */
  List<NetBufferList> takeAll() {
    List<NetBufferList> all = new ArrayList<>();
    pending.forEach(p -> all.add(p.list()));
    pending.clear();
    return all;
  }
}
