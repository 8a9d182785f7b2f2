package dev.chimney.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code NET_BUFFER_LIST}: one or more {@link NetBuffer}s, a {@link #status()} the completer
 * writes, and a link to the next list of a chain ({@code NET_BUFFER_LIST.Next}).
 *
 * <p>The host creates every list it hands to a target and gives each a {@link #id()} unique within
 * a run, so that event logs and failure messages can name it ("send #3"). A target that creates
 * lists of its own (receive indications) uses {@link #createdByTarget}.
 *
 * <p>Ownership passes with the call that hands a list over and comes back with its completion;
 * the owner is the only one to touch it.
 */
public final class NetBufferList {
  private final long id;
  private final List<NetBuffer> buffers;
  private NdisStatus status = NdisStatus.SUCCESS;
  private NetBufferList next;

  /** A list with the given id holding {@code buffers} (at least one). */
  public NetBufferList(long id, List<NetBuffer> buffers) {
    if (buffers.isEmpty()) {
      throw new IllegalArgumentException("a NET_BUFFER_LIST holds at least one NET_BUFFER");
    }
    this.id = id;
    this.buffers = List.copyOf(buffers);
  }

  /** A list holding one buffer. */
  public NetBufferList(long id, NetBuffer buffer) {
    this(id, List.of(buffer));
  }

  /** A list a target creates for an indication; its id is negative so it never clashes with the host's. */
  public static NetBufferList createdByTarget(long targetSequence, NetBuffer buffer) {
    return new NetBufferList(-1 - Math.abs(targetSequence), buffer);
  }

  /** The id the creator gave it: positive for the host's lists, negative for a target's. */
  public long id() {
    return id;
  }

  /** The buffers, in order. */
  public List<NetBuffer> buffers() {
    return buffers;
  }

  /** The first buffer: most lists have just one. */
  public NetBuffer firstBuffer() {
    return buffers.get(0);
  }

  /** Total data bytes in all buffers. */
  public int dataLength() {
    int n = 0;
    for (NetBuffer b : buffers) {
      n += b.dataLength();
    }
    return n;
  }

  /** A copy of the data of all its buffers, in order, as one array; the lists chained after it are not read. */
  public byte[] data() {
    return data(List.of(this));
  }

  /** A copy of the data of every list of {@code lists}, in order, as one array. */
  public static byte[] data(List<NetBufferList> lists) {
    int length = 0;
    for (NetBufferList l : lists) {
      length += l.dataLength();
    }
    byte[] out = new byte[length];
    int at = 0;
    for (NetBufferList l : lists) {
      for (NetBuffer b : l.buffers) {
        byte[] d = b.data();
        System.arraycopy(d, 0, out, at, d.length);
        at += d.length;
      }
    }
    return out;
  }

  /** {@code NET_BUFFER_LIST.Status}: written by whoever completes the list. */
  public NdisStatus status() {
    return status;
  }

  public void setStatus(NdisStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The next list of the chain, or null at the end. */
  public NetBufferList next() {
    return next;
  }

  public void setNext(NetBufferList next) {
    this.next = next;
  }

  /** Links {@code lists} into a chain in the given order and returns its head, or null for none. */
  public static NetBufferList chain(List<NetBufferList> lists) {
    NetBufferList head = null;
    for (int i = lists.size() - 1; i >= 0; i--) {
      lists.get(i).setNext(head);
      head = lists.get(i);
    }
    return head;
  }

  /** The lists of the chain that starts here, in order. */
  public List<NetBufferList> toList() {
    List<NetBufferList> out = new ArrayList<>();
    for (NetBufferList l = this; l != null; l = l.next) {
      out.add(l);
    }
    return out;
  }

  /** The lists of the chain that starts at {@code head}; empty when head is null. */
  public static List<NetBufferList> toList(NetBufferList head) {
    return head == null ? List.of() : head.toList();
  }

  @Override
  public String toString() {
    return "NBL#" + id + "(" + dataLength() + " bytes, " + status.ndisName() + ")";
  }
}
