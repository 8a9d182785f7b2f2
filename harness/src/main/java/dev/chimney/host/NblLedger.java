package dev.chimney.host;

import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every NET_BUFFER_LIST the host handed to a target, by id: what it was for, which connection, and
 * whether it came back. It gives ids from 1 in creation order, and it is how the host notices a
 * completion of a list it never handed over, or a second one, without ever throwing at the target.
 */
final class NblLedger {
  /** What a list was handed over for, which decides the upcall that must complete it. */
  enum Purpose {
    SEND("send completion", "NdisTcpOffloadSendComplete"),
    RECEIVE("receive completion", "NdisTcpOffloadReceiveComplete"),
    DISCONNECT("disconnect completion", "NdisTcpOffloadDisconnectComplete"),
    FORWARD("forward completion", "NdisTcpOffloadForwardComplete");

    final String awaited;
    final String upcall;

    Purpose(String awaited, String upcall) {
      this.awaited = awaited;
      this.upcall = upcall;
    }
  }

  /** One list handed over, and the event that completed it (0 while outstanding). */
  static final class Entry {
    final NetBufferList nbl;
    final Purpose purpose;
    final HostConnection connection;
    long completedAt;

    Entry(NetBufferList nbl, Purpose purpose, HostConnection connection) {
      this.nbl = nbl;
      this.purpose = purpose;
      this.connection = connection;
    }
  }

  private final Map<Long, Entry> entries = new HashMap<>();
  private long lastId;

  /** A new list of one buffer holding {@code data}, recorded as handed over for {@code purpose}. */
  NetBufferList create(byte[] data, Purpose purpose, HostConnection connection) {
    return register(NetBuffer.ofData(data), purpose, connection);
  }

  /** A new empty list of {@code capacity} bytes for a posted receive. */
  NetBufferList createEmpty(int capacity, HostConnection connection) {
    return register(NetBuffer.empty(capacity), Purpose.RECEIVE, connection);
  }

  private NetBufferList register(NetBuffer buffer, Purpose purpose, HostConnection connection) {
    NetBufferList nbl = new NetBufferList(++lastId, List.of(buffer));
    entries.put(nbl.id(), new Entry(nbl, purpose, connection));
    return nbl;
  }

  /** The entry for {@code id}, or null when the host never handed that list over. */
  Entry find(long id) {
    return entries.get(id);
  }

  /**
   * Records that {@code nbl} came back through {@code upcall} at event {@code seq}.
   *
   * @return the entry when the completion is in order; null when it is not, after adding the reason
   *     to {@code anomalies}
   */
  Entry complete(NetBufferList nbl, Purpose upcall, long seq, Consumer<String> anomalies) {
    Entry e = entries.get(nbl.id());
    if (e == null) {
      anomalies.accept(upcall.upcall + " of NBL #" + nbl.id() + " at event #" + seq
          + ": the host never handed that list over");
      return null;
    }
    if (e.purpose != upcall) {
      anomalies.accept(upcall.upcall + " of NBL #" + nbl.id() + " at event #" + seq
          + ": the list was handed over for " + e.purpose.awaited + ", not " + upcall.awaited);
      return null;
    }
    if (e.completedAt != 0) {
      anomalies.accept(upcall.upcall + " of NBL #" + nbl.id() + " at event #" + seq
          + ": completed a second time (first at event #" + e.completedAt + ")");
      return null;
    }
    e.completedAt = seq;
    return e;
  }

  /** Whether {@code nbl} has been completed. */
  boolean completed(NetBufferList nbl) {
    Entry e = entries.get(nbl.id());
    return e != null && e.completedAt != 0;
  }
}
