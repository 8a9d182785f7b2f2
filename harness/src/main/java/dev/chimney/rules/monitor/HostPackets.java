package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which packets towards the peer the host's ordinary send path (MiniportSendNetBufferLists) put on
 * the wire: the rules judge what the target sends of its own accord, not what the host sent through
 * it. Each such call owes one packet, and the next packet towards the peer on that connection (on any
 * connection, when the call named none) pays it.
 *
 * <p>{@link ConnectionTracker} makes one at the host's first ordinary send, so that until then (for
 * all of check-trace's connections but those with a host-send action) a packet costs one test.
 */
final class HostPackets {
  /** The key of the calls that named no connection. */
  private static final String ANY_CONNECTION = "";

  /** Packets owed, by the calling connection (or {@link #ANY_CONNECTION}), in order of first call. */
  private final Map<String, Integer> owed = new LinkedHashMap<>();
  /** The seqs of the packets that paid a call. */
  private Set<Long> paid = Collections.emptySet();

  /** The host called its ordinary send path on {@code connection} (null when it named none). */
  void sendCalled(String connection) {
    String owner = connection == null ? ANY_CONNECTION : connection;
    owed.put(owner, owed.getOrDefault(owner, 0) + 1);
  }

  /** {@code p} went towards the peer: it is the host's when a call owes a packet it can pay. */
  void sent(Event.Packet p) {
    if (pay(p.connection())) {
      paid = LazyCollections.add(paid, p.seq());
    }
  }

  /** True for a packet that paid a call. */
  boolean isHostPacket(Event.Packet p) {
    // Most packets are the target's: skip boxing the sequence number until one paid.
    return !paid.isEmpty() && paid.contains(p.seq());
  }

  private boolean pay(String connection) {
    // A packet the host could not name pays whichever call is owed; a named one, its own or an unnamed call.
    if (connection != null) {
      return payFrom(connection) || payFrom(ANY_CONNECTION);
    }
    for (Map.Entry<String, Integer> e : owed.entrySet()) {
      if (e.getValue() > 0) {
        e.setValue(e.getValue() - 1);
        return true;
      }
    }
    return false;
  }

  /** Pays one call owed by {@code owner}, if there is one. */
  private boolean payFrom(String owner) {
    Integer count = owed.get(owner);
    if (count == null || count == 0) {
      return false;
    }
    owed.put(owner, count - 1);
    return true;
  }
}
