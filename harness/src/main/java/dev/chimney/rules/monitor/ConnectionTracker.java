package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Follows every connection of a scenario through the event log, so that monitors stay small: its
 * offload phase, the sends handed over and their place in the byte stream, disconnects, and what
 * each side put on the wire. Fed each event before the monitors; for completions, which remove what
 * they complete, it keeps what the monitors need to judge them as the event's {@link Completion}.
 *
 * <p>Connections are known by the host's name for the TCP object ("TCP1"): the name of its block in
 * initiate and terminate trees, the {@code connection} of calls, upcalls and packets. It keeps the
 * connections and the wire facts itself, as they are read on every packet, and leaves to its parts
 * the calls the target owes a return or completion ({@link PendingCalls}), the lists handed over
 * ({@link TrackedLists}), and which packets the host sent ({@link HostPackets}).
 *
 * <p>check-trace makes one tracker for every connection of a capture and keeps thousands at once,
 * so a tracker holds little until it needs it: its maps are made on their first write (see {@link
 * LazyCollections}), its first connection needs no map, its parts but the pending calls are made
 * when first needed, and one field holds the completion being judged.
 *
 * <p>Not thread-safe: the event log feeds it under its lock.
 */
public final class ConnectionTracker {
  /** The first connection seen, the only one of most trackers (check-trace's). */
  private TrackedConnection firstConnection;
  /** Every connection seen, in order of first sight, once there is a second; empty until then. */
  private Map<String, TrackedConnection> connections = Collections.emptyMap();
  /** The types of the objects named in trees, except TCP ones: see {@link TrackedConnection#namedAsTcp}. */
  private Map<String, OffloadStateType> otherObjectTypes = Collections.emptyMap();
  /** The connection {@link #track} found last, or null. */
  private TrackedConnection lastTracked;
  private final PendingCalls calls = new PendingCalls();
  /** Made by {@link #lists()} when the first list is handed over; a query never makes it. */
  private TrackedLists lists;
  /** Made at the host's first ordinary send: until then every packet towards the peer is the target's. */
  private HostPackets hostPackets;
  /** The completion of the event being judged, or null for other events. */
  private Completion lastCompletion;

  /** Updates the state with {@code event}; called before any monitor sees it. */
  public void onEvent(Event event) {
    lastCompletion = null;
    if (event instanceof Event.Call c) {
      onCall(c);
    } else if (event instanceof Event.Returned r) {
      onReturned(r);
    } else if (event instanceof Event.Upcall u) {
      onUpcall(u);
    } else if (event instanceof Event.Packet p) {
      onPacket(p);
    }
  }

  // ---------------------------------------------------------------- queries

  /** The connection with that name, or null when never seen. */
  TrackedConnection connection(String name) {
    if (name == null) {
      return null;
    }
    TrackedConnection first = firstConnection;
    return first != null && first.name.equals(name) ? first : connections.get(name);
  }

  /** Every connection seen, in order of first sight. */
  Collection<TrackedConnection> connections() {
    if (!connections.isEmpty()) {
      return connections.values();
    }
    return firstConnection == null ? List.of() : List.of(firstConnection);
  }

  /** The kind of state object the host named {@code name} in a tree, or null when never seen. */
  OffloadStateType typeOf(String name) {
    OffloadStateType other = otherObjectTypes.get(name);
    if (other != null) {
      return other;
    }
    TrackedConnection conn = connection(name);
    return conn != null && conn.namedAsTcp ? OffloadStateType.TCP : null;
  }

  /** The send with that NET_BUFFER_LIST id, or null when none was handed over. */
  TrackedSend send(long nblId) {
    return lists == null ? null : lists.send(nblId);
  }

  /** The connection whose posted receive list has that id, or null. */
  TrackedConnection receiveOwner(long nblId) {
    return lists == null ? null : connection(lists.receiveOwner(nblId));
  }

  /** True for a packet the host's ordinary send path put on the wire; false for the target's own and the peer's. */
  boolean isHostPacket(Event.Packet p) {
    return hostPackets != null && hostPackets.isHostPacket(p);
  }

  /** True for a packet the target sent of its own accord on a connection. */
  boolean isTargetPacket(Event.Packet p) {
    return p.direction() == Direction.TO_PEER && !isHostPacket(p);
  }

  /** The lists of the send completion being judged; empty for other events. */
  List<Completion.CompletedSend> lastSendCompletions() {
    return lastCompletion instanceof Completion.Sends s ? s.lists() : List.of();
  }

  /** The terminate completion being judged, or null for other events. */
  Completion.Terminate lastTerminateCompletion() {
    return lastCompletion instanceof Completion.Terminate t ? t : null;
  }

  /** The initiate completion being judged, or null for other events. */
  Completion.Initiate lastInitiateCompletion() {
    return lastCompletion instanceof Completion.Initiate i ? i : null;
  }

  /** The disconnect completion being judged, or null for other events. */
  Completion.Disconnect lastDisconnectCompletion() {
    return lastCompletion instanceof Completion.Disconnect d ? d : null;
  }

  /** Terminates the host called and the target has not completed, by root name. */
  Map<String, Event.Call> pendingTerminates() {
    return calls.terminates();
  }

  /** Disconnects the host called and the target has not completed, by list id. */
  Map<Long, Event.Call> pendingDisconnects() {
    return calls.disconnects();
  }

  // ---------------------------------------------------------------- updates

  /** The lists handed over, made at first use: most of check-trace's connections hand none over. */
  private TrackedLists lists() {
    if (lists == null) {
      lists = new TrackedLists();
    }
    return lists;
  }

  private TrackedConnection track(String name) {
    // Events come in runs on one connection (check-trace gives each its own tracker, one event per
    // packet): the last one found answers most lookups without hashing. Connections are never
    // forgotten, so the one remembered stays current.
    TrackedConnection last = lastTracked;
    if (last != null && last.name.equals(name)) {
      return last;
    }
    last = connection(name);
    if (last == null) {
      last = new TrackedConnection(name);
      add(last);
    }
    lastTracked = last;
    return last;
  }

  private void add(TrackedConnection conn) {
    if (firstConnection == null) {
      firstConnection = conn;
      return;
    }
    if (connections.isEmpty()) {
      connections = LazyCollections.putOrdered(connections, firstConnection.name, firstConnection);
    }
    connections.put(conn.name, conn);
  }

  private void learnTypes(List<BlockView> tree) {
    // The name's latest type wins, as it would in one map of every type.
    for (BlockView b : tree) {
      if (b.type() == OffloadStateType.TCP) {
        track(b.name()).namedAsTcp = true;
        otherObjectTypes.remove(b.name());
      } else {
        otherObjectTypes = LazyCollections.put(otherObjectTypes, b.name(), b.type());
        TrackedConnection conn = connection(b.name());
        if (conn != null) {
          conn.namedAsTcp = false;
        }
      }
    }
  }

  private void onCall(Event.Call c) {
    calls.called(c);
    // Initiate and terminate name their tree's root (a neighbor, say), not a connection.
    TrackedConnection conn = c.connection() == null || !c.tree().isEmpty() ? null : track(c.connection());
    switch (c.api()) {
      case INITIATE_OFFLOAD -> onInitiate(c);
      case TERMINATE_OFFLOAD -> onTerminate(c);
      case TCP_OFFLOAD_SEND -> {
        if (conn != null) {
          conn.outstanding.addAll(lists().place(conn, c.nbls()));
        }
      }
      case TCP_OFFLOAD_RECEIVE -> lists().posted(c.connection(), c.nbls());
      case TCP_OFFLOAD_DISCONNECT -> {
        if (conn != null) {
          conn.disconnectCalled(c);
        }
      }
      case SEND_NET_BUFFER_LISTS -> {
        if (hostPackets == null) {
          hostPackets = new HostPackets();
        }
        hostPackets.sendCalled(c.connection());
      }
      default -> { }
    }
  }

  private void onInitiate(Event.Call c) {
    learnTypes(c.tree());
    for (BlockView b : c.tree()) {
      if (b.type() == OffloadStateType.TCP) {
        TrackedConnection conn = track(b.name());
        conn.beginOffload(b);
        if (b.chain() != null) {
          lists().place(conn, b.chain());
        }
        conn.afterInitiateChain();
      }
    }
  }

  private void onTerminate(Event.Call c) {
    learnTypes(c.tree());
    for (BlockView b : c.tree()) {
      if (b.type() == OffloadStateType.TCP) {
        track(b.name()).terminateCalled();
      }
    }
  }

  private void onReturned(Event.Returned r) {
    PendingCalls.OpenCall c = calls.settledBy(r);
    if (c == null) {
      return;
    }
    switch (c.api()) {
      case TCP_OFFLOAD_SEND -> lists().refused(c.nbls(), this);
      case INITIATE_OFFLOAD -> {
        for (String name : c.tcps()) {
          track(name).initiateReturned();
        }
      }
      case TERMINATE_OFFLOAD -> {
        for (String name : c.tcps()) {
          track(name).terminateReturned();
        }
      }
      default -> { }
    }
  }

  private void onUpcall(Event.Upcall u) {
    TrackedConnection conn = connection(u.connection());
    switch (u.api()) {
      case INITIATE_OFFLOAD_COMPLETE -> lastCompletion = onInitiateComplete(u);
      case TERMINATE_OFFLOAD_COMPLETE -> lastCompletion = onTerminateComplete(u);
      case TCP_OFFLOAD_SEND_COMPLETE -> lastCompletion = lists().completed(u, this);
      case TCP_OFFLOAD_RECEIVE_COMPLETE -> lists().receivesCompleted(u, this);
      case TCP_OFFLOAD_RECEIVE_INDICATE -> {
        if (conn != null) {
          conn.deliver(u.nbls().stream().mapToLong(NblView::dataLength).sum());
        }
      }
      case TCP_OFFLOAD_DISCONNECT_COMPLETE -> lastCompletion = onDisconnectComplete(u);
      case TCP_OFFLOAD_EVENT -> {
        if (conn != null) {
          conn.offloadEvent(u);
        }
      }
      default -> { }
    }
  }

  private Completion.Initiate onInitiateComplete(Event.Upcall u) {
    Event.Call call = u.tree().isEmpty() ? null : calls.initiateCompleted(u.tree().get(0).name());
    learnTypes(u.tree());
    for (BlockView b : u.tree()) {
      if (b.type() == OffloadStateType.TCP) {
        TrackedConnection conn = track(b.name());
        if (conn.initiateCompleted(b) && conn.initiateChain != null) {
          lists().chainOffloaded(conn);
        }
      }
    }
    return new Completion.Initiate(u, call);
  }

  private Completion.Terminate onTerminateComplete(Event.Upcall u) {
    Event.Call call = u.tree().isEmpty() ? null : calls.terminateCompleted(u.tree().get(0).name());
    List<Completion.TerminatedTcp> tcps = new ArrayList<>();
    for (BlockView b : u.tree()) {
      if (b.type() != OffloadStateType.TCP) {
        continue;
      }
      TrackedConnection conn = track(b.name());
      tcps.add(new Completion.TerminatedTcp(conn, b, conn.outstandingSnapshot()));
      if (call != null) {
        conn.uploaded(b.bufferedData());
      }
    }
    return new Completion.Terminate(u, call, List.copyOf(tcps));
  }

  /** The completion of the last of {@code u}'s lists, or null when it names none. */
  private Completion.Disconnect onDisconnectComplete(Event.Upcall u) {
    Completion.Disconnect last = null;
    for (NblView n : u.nbls()) {
      Event.Call call = calls.disconnectCompleted(n.id());
      TrackedConnection conn = call == null ? connection(u.connection()) : connection(call.connection());
      if (conn != null && call != null) {
        conn.disconnectCompleted(u, n.status());
      }
      last = new Completion.Disconnect(u, n, call, conn);
    }
    return last;
  }

  private void onPacket(Event.Packet p) {
    TcpSegment s = p.segment();
    if (hostPackets != null && p.direction() == Direction.TO_PEER) {
      hostPackets.sent(p);
    }
    TrackedConnection conn = p.connection() == null ? null : track(p.connection());
    if (conn == null) {
      return;
    }
    if (p.direction() == Direction.TO_PEER) {
      conn.highestSentSeqEnd = SeqNum.highest(conn.highestSentSeqEnd, s.seqEnd());
      if (s.payloadLength() > 0) {
        conn.highestSentDataEnd = SeqNum.highest(conn.highestSentDataEnd, SeqNum.add(s.seq(), s.payloadLength()));
      }
      if (isTargetPacket(p) && s.has(TcpFlag.ACK)) {
        conn.highestTargetAck = SeqNum.highest(conn.highestTargetAck, s.ack());
        conn.targetAckThisOffload = SeqNum.highest(conn.targetAckThisOffload, s.ack());
      }
    } else {
      if (s.has(TcpFlag.ACK)) {
        conn.highestPeerAck = SeqNum.highest(conn.highestPeerAck, s.ack());
      }
      if (s.seqLength() > 0) {
        conn.highestPeerSeqEnd = SeqNum.highest(conn.highestPeerSeqEnd, s.seqEnd());
      }
      if (s.has(TcpFlag.FIN) && !SeqNum.known(conn.peerFinSeqEnd)) {
        conn.peerFinSeqEnd = s.seqEnd();
      }
      if (s.has(TcpFlag.RST)) {
        conn.peerReset = true;
      }
    }
  }
}
