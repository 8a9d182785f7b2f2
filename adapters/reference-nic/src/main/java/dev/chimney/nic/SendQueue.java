package dev.chimney.nic;

import dev.chimney.spi.NetBufferList;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The send stream of one connection as a FIFO of the lists that carry it, each placed at its
 * stream offset. Offset 0 is the first byte the target owns (SndUna at offload). The queue keeps a
 * list until every byte of it is acknowledged, so it can retransmit from it and, on terminate, hand
 * it back whole (TOC-5).
 *
 * <p>Besides the host's send lists, it carries the data of a graceful disconnect (DSC-7) in a list
 * of the target's own.
 */
final class SendQueue {
  private final Deque<Entry> entries = new ArrayDeque<>();
  private long end;

  /** One list in the stream: its bytes are offsets [start, start + data.length). */
  private record Entry(NetBufferList list, long start, byte[] data, boolean hostSend) {
    long end() {
      return start + data.length;
    }
  }

  /** Starts the stream at offset {@code startOffset}: bytes before it are already acknowledged. */
  SendQueue(long startOffset) {
    this.end = startOffset;
  }

  /** Appends a host send list (whatever its next link says; the caller walks chains). */
  void addSend(NetBufferList list) {
    add(list, true);
  }

  /**
   * Appends the data of a graceful disconnect as {@code targetCopy}, a list the target created: the
   * host's disconnect list is completed through the disconnect, never as a send, so a terminate
   * hands the copy back instead.
   */
  void addDisconnectData(NetBufferList targetCopy) {
    add(targetCopy, false);
  }

  private void add(NetBufferList list, boolean hostSend) {
    byte[] data = list.data();
    entries.addLast(new Entry(list, end, data, hostSend));
    end += data.length;
  }

  /** The offset after the last queued byte. */
  long end() {
    return end;
  }

  /** Whether no host send list is waiting for completion. */
  boolean hasNoSends() {
    return entries.stream().noneMatch(Entry::hostSend);
  }

  /** Up to {@code length} queued bytes from offset {@code from}; fewer when the stream ends first. */
  byte[] read(long from, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    long to = Math.min(from + length, end);
    for (Entry e : entries) {
      if (e.end() <= from || e.start >= to) {
        continue;
      }
      int first = (int) (Math.max(from, e.start) - e.start);
      int last = (int) (Math.min(to, e.end()) - e.start);
      out.write(e.data, first, last - first);
    }
    return out.toByteArray();
  }

  /**
   * Removes the lists whose every byte is below {@code acknowledged} and returns the host's among
   * them, in delivery order: they are done (SND-1, SND-2).
   */
  List<NetBufferList> releaseAcknowledged(long acknowledged) {
    List<NetBufferList> done = new ArrayList<>();
    while (!entries.isEmpty() && entries.peekFirst().end() <= acknowledged) {
      Entry e = entries.removeFirst();
      if (e.hostSend) {
        done.add(e.list);
      }
    }
    return done;
  }

  /** Removes every list and returns the host's send lists among them, in delivery order. */
  List<NetBufferList> removeAllSends() {
    return removeAllOutstanding(true);
  }

  /**
   * Removes every list and returns them all, the disconnect's copy included, in delivery order: the
   * outstanding send data a terminate hands back (TOC-5).
   */
  List<NetBufferList> removeAllOutstanding() {
    return removeAllOutstanding(false);
  }

  private List<NetBufferList> removeAllOutstanding(boolean hostSendsOnly) {
    List<NetBufferList> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.hostSend || !hostSendsOnly) {
        out.add(e.list);
      }
    }
    entries.clear();
    return out;
  }
}
