package dev.chimney.nic;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadHost;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The delivery algorithm for one connection's in-order received data: fill the receive lists the
 * host posted, first in first out, completing every list that got data; with none posted, indicate
 * the data through {@link OffloadHost#tcpOffloadReceiveIndicate}. Bytes the client did not consume
 * stay buffered here, count against the advertised window, and wait for posted lists (they are not
 * indicated twice); on terminate they go back as buffered data (TOC-8).
 *
 * <p>Tolerates the host re-entering from inside an upcall (posting lists from its receive
 * handler): a nested call only queues, and the outer loop delivers.
 */
final class ReceiveDelivery {
  private final OffloadHost host;
  private final NdisOffloadHandle connection;
  private final TargetLists lists;
  private final Deque<NetBufferList> posted = new ArrayDeque<>();
  private byte[] buffered = new byte[0];
  private boolean indicationPartlyConsumed;
  private boolean delivering;

  ReceiveDelivery(OffloadHost host, NdisOffloadHandle connection, TargetLists lists) {
    this.host = host;
    this.connection = connection;
    this.lists = lists;
  }

  /** Received, acknowledged bytes not yet delivered. */
  int bufferedBytes() {
    return buffered.length;
  }

  /** Takes in-order data off the wire and delivers what it can. */
  void accept(byte[] data) {
    hold(data);
    deliver();
  }

  /** Buffers data without delivering it yet: the host's buffered data, taken over on initiate. */
  void hold(byte[] data) {
    buffered = concat(buffered, data);
  }

  /** Queues posted receive lists (each one of {@code chain}) and delivers what it can. */
  void post(NetBufferList chain) {
    posted.addAll(NetBufferList.toList(chain));
    deliver();
  }

  /** Completes every posted list that got no data with {@code status}: the connection is done. */
  void failPosted(NdisStatus status) {
    if (posted.isEmpty()) {
      return;
    }
    List<NetBufferList> failed = new ArrayList<>(posted);
    posted.clear();
    failed.forEach(l -> l.setStatus(status));
    host.tcpOffloadReceiveComplete(NetBufferList.chain(failed));
  }

  /** Removes the buffered bytes and returns them as one list of the target's, or null when none. */
  NetBufferList takeBuffered() {
    if (buffered.length == 0) {
      return null;
    }
    NetBufferList list = lists.of(buffered);
    buffered = new byte[0];
    return list;
  }

  /** Delivers what it can of the buffered data. */
  void deliver() {
    if (delivering) {
      return;
    }
    delivering = true;
    try {
      boolean progress = true;
      while (progress) {
        progress = fillPosted() || indicate();
      }
    } finally {
      delivering = false;
    }
  }

  private boolean fillPosted() {
    List<NetBufferList> filled = new ArrayList<>();
    while (buffered.length > 0 && !posted.isEmpty()) {
      NetBufferList list = posted.removeFirst();
      for (NetBuffer b : list.buffers()) {
        int n = Math.min(b.capacity() - b.dataLength(), buffered.length);
        b.append(buffered, 0, n);
        buffered = Arrays.copyOfRange(buffered, n, buffered.length);
      }
      list.setStatus(NdisStatus.SUCCESS);
      filled.add(list);
    }
    if (buffered.length == 0) {
      indicationPartlyConsumed = false;
    }
    if (filled.isEmpty()) {
      return false;
    }
    host.tcpOffloadReceiveComplete(NetBufferList.chain(filled));
    return true;
  }

  private boolean indicate() {
    if (buffered.length == 0 || !posted.isEmpty() || indicationPartlyConsumed) {
      return false;
    }
    byte[] offered = buffered;
    int consumed = host.tcpOffloadReceiveIndicate(connection, lists.of(offered), NdisStatus.SUCCESS);
    consumed = Math.max(0, Math.min(consumed, offered.length));
    // the host may have posted lists from inside the indication: they follow the consumed bytes
    buffered = Arrays.copyOfRange(buffered, consumed, buffered.length);
    indicationPartlyConsumed = buffered.length > 0;
    return consumed > 0 || !posted.isEmpty();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
