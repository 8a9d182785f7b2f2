package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows every connection of a scenario through the event log, so that monitors stay small: its
 * offload phase, the sends handed over and their place in the byte stream, disconnects, and what
 * each side put on the wire. Fed each event before the monitors; for completions, which remove what
 * they complete, it keeps what the monitors need to judge them in the {@code last*} records.
 *
 * <p>Connections are known by the host's name for the TCP object ("TCP1"): the name of its block in
 * initiate and terminate trees, the {@code connection} of calls, upcalls and packets. Lists that
 * come back without a connection (send, receive, disconnect and forward completions) are matched to
 * theirs by NET_BUFFER_LIST id, which the host keeps unique within a run.
 *
 * <p>Packets towards the peer are the target's own unless the host's ordinary send path
 * (MiniportSendNetBufferLists) put them there: each such call owes one packet, and the next packet
 * of that connection (or of any connection, when the call named none) pays it.
 *
 * <p>check-trace makes one tracker for every connection of a capture and keeps thousands at once,
 * so a tracker holds little until it needs it: its maps are made on their first write (see {@link
 * LazyCollections}), its first connection needs no map, and of a call it keeps only what its return
 * needs.
 *
 * <p>Not thread-safe: the event log feeds it under its lock.
 */
public final class ConnectionTracker {
  private static final String ANY_CONNECTION = "";

  /** The first connection seen, the only one of most trackers (check-trace's). */
  private TrackedConnection firstConnection;
  /** Every connection seen, in order of first sight, once there is a second; empty until then. */
  private Map<String, TrackedConnection> connections = Collections.emptyMap();
  /** The types of the objects named in trees, except TCP ones: see {@link TrackedConnection#namedAsTcp}. */
  private Map<String, OffloadStateType> otherObjectTypes = Collections.emptyMap();
  private Map<Long, TrackedSend> sends = Collections.emptyMap();
  private Map<Long, String> receiveOwners = Collections.emptyMap();
  private Map<Long, Event.Call> pendingDisconnects = Collections.emptyMap();
  private Map<String, Event.Call> pendingInitiates = Collections.emptyMap();
  private Map<String, Event.Call> pendingTerminates = Collections.emptyMap();
  /**
   * The latest call whose return is owed and matters, and its seq: a handler returns before the host
   * calls the next, so this holds nearly every open call without a map.
   */
  private OpenCall lastOpenCall;
  private long lastOpenCallSeq;
  /** The other calls whose return is still owed and matters, by seq. */
  private Map<Long, OpenCall> olderOpenCalls = Collections.emptyMap();
  private Map<String, Integer> ordinarySendsOwed = Collections.emptyMap();
  private Set<Long> hostPackets = Collections.emptySet();
  /** The connection {@link #track} found last, or null. */
  private TrackedConnection lastTracked;

  private List<SendCompletion> lastSendCompletions = List.of();
  private TerminateCompletion lastTerminateCompletion;
  private InitiateCompletion lastInitiateCompletion;
  private DisconnectCompletion lastDisconnectCompletion;

  /** One list of a send completion. */
  record SendCompletion(NblView nbl, TrackedSend send, boolean repeated, TrackedSend expectedNext) {
    /** True when it was the oldest outstanding send of its connection. */
    boolean inOrder() {
      return expectedNext == send;
    }
  }

  /** One TCP object of a terminate completion, with what was outstanding at that moment. */
  record TerminatedTcp(TrackedConnection connection, BlockView block, List<TrackedSend> outstanding) {}

  /**
   * A terminate completion.
   *
   * @param call the pending terminate with the same root, or null when none was pending (a second
   *     completion, or a root the host never passed)
   */
  record TerminateCompletion(Event.Upcall upcall, Event.Call call, List<TerminatedTcp> tcps) {}

  /** An initiate completion and its pending call (null when none had that root). */
  record InitiateCompletion(Event.Upcall upcall, Event.Call call) {}

  /** A disconnect completion, its call (null when none was pending for the list) and connection (null when unknown). */
  record DisconnectCompletion(Event.Upcall upcall, NblView nbl, Event.Call call, TrackedConnection connection) {}

  /**
   * What {@link #onReturned} needs of a call whose return changes the state: not the call itself,
   * whose tree (with its delegated state) would otherwise stay for the connection's life when no
   * return comes, as in check-trace.
   *
   * @param nbls the lists of a send or disconnect
   * @param root the name of an initiate's or terminate's root, or null
   * @param tcps the names of an initiate's or terminate's TCP objects, in tree order
   */
  private record OpenCall(Api api, List<NblView> nbls, String root, List<String> tcps) {
    /** What to keep of {@code c} until it returns, or null when its return changes nothing. */
    static OpenCall of(Event.Call c) {
      return switch (c.api()) {
        case TCP_OFFLOAD_SEND, TCP_OFFLOAD_DISCONNECT -> new OpenCall(c.api(), c.nbls(), null, List.of());
        case INITIATE_OFFLOAD, TERMINATE_OFFLOAD -> new OpenCall(c.api(), List.of(),
            c.tree().isEmpty() ? null : c.tree().get(0).name(), tcpNames(c.tree()));
        default -> null;
      };
    }

    private static List<String> tcpNames(List<BlockView> tree) {
      List<String> names = new ArrayList<>();
      for (BlockView b : tree) {
        if (b.type() == OffloadStateType.TCP) {
          names.add(b.name());
        }
      }
      return List.copyOf(names);
    }
  }

  /** Updates the state with {@code event}; called before any monitor sees it. */
  public void onEvent(Event event) {
    lastSendCompletions = List.of();
    lastTerminateCompletion = null;
    lastInitiateCompletion = null;
    lastDisconnectCompletion = null;
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
    return sends.get(nblId);
  }

  /** The connection whose posted receive list has that id, or null. */
  TrackedConnection receiveOwner(long nblId) {
    return connection(receiveOwners.get(nblId));
  }

  /** True for a packet the host's ordinary send path put on the wire; false for the target's own and the peer's. */
  boolean isHostPacket(Event.Packet p) {
    // Most runs (and every capture) have no host packets: skip boxing the sequence number.
    return !hostPackets.isEmpty() && hostPackets.contains(p.seq());
  }

  /** True for a packet the target sent of its own accord on a connection. */
  boolean isTargetPacket(Event.Packet p) {
    return p.direction() == Direction.TO_PEER && !isHostPacket(p);
  }

  /** The lists of the send completion being judged; empty for other events. */
  List<SendCompletion> lastSendCompletions() {
    return lastSendCompletions;
  }

  /** The terminate completion being judged, or null for other events. */
  TerminateCompletion lastTerminateCompletion() {
    return lastTerminateCompletion;
  }

  /** The initiate completion being judged, or null for other events. */
  InitiateCompletion lastInitiateCompletion() {
    return lastInitiateCompletion;
  }

  /** The disconnect completion being judged, or null for other events. */
  DisconnectCompletion lastDisconnectCompletion() {
    return lastDisconnectCompletion;
  }

  /** Terminates the host called and the target has not completed, by root name. */
  Map<String, Event.Call> pendingTerminates() {
    return pendingTerminates;
  }

  /** Disconnects the host called and the target has not completed, by list id. */
  Map<Long, Event.Call> pendingDisconnects() {
    return pendingDisconnects;
  }

  // ---------------------------------------------------------------- updates

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
    rememberOpenCall(c);
    // Initiate and terminate name their tree's root (a neighbor, say), not a connection.
    TrackedConnection conn = c.connection() == null || !c.tree().isEmpty() ? null : track(c.connection());
    switch (c.api()) {
      case INITIATE_OFFLOAD -> onInitiate(c);
      case TERMINATE_OFFLOAD -> onTerminate(c);
      case TCP_OFFLOAD_SEND -> {
        if (conn != null) {
          conn.outstanding.addAll(assignStream(conn, c.nbls()));
        }
      }
      case TCP_OFFLOAD_RECEIVE -> {
        for (NblView n : c.nbls()) {
          receiveOwners = LazyCollections.put(receiveOwners, n.id(), c.connection());
        }
      }
      case TCP_OFFLOAD_DISCONNECT -> onDisconnect(c, conn);
      case SEND_NET_BUFFER_LISTS -> {
        String owner = c.connection() == null ? ANY_CONNECTION : c.connection();
        int owed = ordinarySendsOwed.getOrDefault(owner, 0);
        ordinarySendsOwed = LazyCollections.putOrdered(ordinarySendsOwed, owner, owed + 1);
      }
      default -> { }
    }
  }

  private void rememberOpenCall(Event.Call c) {
    OpenCall open = OpenCall.of(c);
    if (open == null) {
      return;
    }
    if (lastOpenCall != null) {
      olderOpenCalls = LazyCollections.put(olderOpenCalls, lastOpenCallSeq, lastOpenCall);
    }
    lastOpenCall = open;
    lastOpenCallSeq = c.seq();
  }

  /** The open call with that seq, forgotten now, or null when none. */
  private OpenCall takeOpenCall(long seq) {
    if (lastOpenCall != null && lastOpenCallSeq == seq) {
      OpenCall open = lastOpenCall;
      lastOpenCall = null;
      return open;
    }
    return olderOpenCalls.remove(seq);
  }

  private void onInitiate(Event.Call c) {
    learnTypes(c.tree());
    if (!c.tree().isEmpty()) {
      pendingInitiates = LazyCollections.put(pendingInitiates, c.tree().get(0).name(), c);
    }
    for (BlockView b : c.tree()) {
      if (b.type() == OffloadStateType.TCP) {
        TrackedConnection conn = track(b.name());
        conn.beginOffload(b);
        if (b.chain() != null) {
          assignStream(conn, b.chain());
        }
        conn.afterInitiateChain();
      }
    }
  }

  private void onTerminate(Event.Call c) {
    learnTypes(c.tree());
    if (!c.tree().isEmpty()) {
      pendingTerminates = LazyCollections.put(pendingTerminates, c.tree().get(0).name(), c);
    }
    for (BlockView b : c.tree()) {
      if (b.type() == OffloadStateType.TCP) {
        TrackedConnection conn = track(b.name());
        conn.phase = Phase.TERMINATING;
        conn.peerSeqEndAtTerminate = conn.highestPeerSeqEnd;
        conn.peerAckAtTerminate = conn.highestPeerAck;
      }
    }
  }

  private void onDisconnect(Event.Call c, TrackedConnection conn) {
    for (NblView n : c.nbls()) {
      pendingDisconnects = LazyCollections.put(pendingDisconnects, n.id(), c);
    }
    if (conn == null) {
      return;
    }
    conn.outstandingAtDisconnect = conn.outstandingSnapshot();
    if (c.flags() == DisconnectFlags.ABORTIVE_CLOSE) {
      conn.abortiveCall = c;
    } else if (c.flags() == DisconnectFlags.GRACEFUL_CLOSE) {
      conn.gracefulCall = c;
      long data = c.nbls().stream().mapToLong(NblView::dataLength).sum();
      if (SeqNum.known(conn.streamNext)) {
        conn.streamNext = SeqNum.add(conn.streamNext, data);
        conn.gracefulFinSeq = conn.streamNext;
      }
    }
  }

  /** Gives each list its place in the byte stream; sends of a TCP_OFFLOAD_SEND are outstanding at once. */
  private List<TrackedSend> assignStream(TrackedConnection conn, List<NblView> nbls) {
    List<Long> chain = nbls.stream().map(NblView::id).toList();
    List<TrackedSend> out = new ArrayList<>();
    for (int i = 0; i < nbls.size(); i++) {
      NblView n = nbls.get(i);
      TrackedSend s = new TrackedSend(n.id(), conn.name, n.dataLength(), chain, i, conn.streamNext);
      if (SeqNum.known(conn.streamNext)) {
        conn.streamNext = SeqNum.add(conn.streamNext, n.dataLength());
      }
      sends = LazyCollections.put(sends, n.id(), s);
      out.add(s);
    }
    return out;
  }

  private void onReturned(Event.Returned r) {
    OpenCall c = takeOpenCall(r.callSeq());
    if (c == null || r.status() == NdisStatus.PENDING) {
      return;
    }
    // A handler that did not return PENDING will not complete the request (OffloadTarget's contract).
    switch (c.api()) {
      case TCP_OFFLOAD_SEND -> {
        for (NblView n : c.nbls()) {
          TrackedSend s = sends.get(n.id());
          if (s != null) {
            connection(s.connection).outstanding.remove(s);
          }
        }
      }
      case TCP_OFFLOAD_DISCONNECT -> {
        for (NblView n : c.nbls()) {
          pendingDisconnects.remove(n.id());
        }
      }
      case INITIATE_OFFLOAD -> {
        if (c.root() != null) {
          takePendingInitiate(c.root());
        }
        for (String name : c.tcps()) {
          track(name).phase = Phase.HOST_OWNED;
        }
      }
      case TERMINATE_OFFLOAD -> {
        if (c.root() != null) {
          pendingTerminates.remove(c.root());
        }
        // refused: the connection stays with the target, which goes on processing its segments
        for (String name : c.tcps()) {
          TrackedConnection conn = track(name);
          if (conn.phase == Phase.TERMINATING) {
            conn.phase = Phase.OFFLOADED;
          }
        }
      }
      default -> { }
    }
  }

  /** The pending initiate with that root, forgotten now, or null. */
  private Event.Call takePendingInitiate(String root) {
    Event.Call call = pendingInitiates.remove(root);
    if (pendingInitiates.isEmpty()) {
      // Never iterated, so a new map later is the same: check-trace's trackers drop one each.
      pendingInitiates = Collections.emptyMap();
    }
    return call;
  }

  private void onUpcall(Event.Upcall u) {
    TrackedConnection conn = connection(u.connection());
    switch (u.api()) {
      case INITIATE_OFFLOAD_COMPLETE -> onInitiateComplete(u);
      case TERMINATE_OFFLOAD_COMPLETE -> onTerminateComplete(u);
      case TCP_OFFLOAD_SEND_COMPLETE -> onSendComplete(u);
      case TCP_OFFLOAD_RECEIVE_COMPLETE -> u.nbls().forEach(n -> {
        TrackedConnection owner = connection(receiveOwners.get(n.id()));
        if (owner != null) {
          owner.deliver(n.dataLength());
        }
      });
      case TCP_OFFLOAD_RECEIVE_INDICATE -> {
        if (conn != null) {
          conn.deliver(u.nbls().stream().mapToLong(NblView::dataLength).sum());
        }
      }
      case TCP_OFFLOAD_DISCONNECT_COMPLETE -> onDisconnectComplete(u);
      case TCP_OFFLOAD_EVENT -> {
        if (conn != null && u.offloadEvent() == TcpOffloadEvent.INDICATE_RETRIEVE) {
          conn.retrieveRequests++;
        } else if (conn != null && u.offloadEvent() == TcpOffloadEvent.INDICATE_ABORT) {
          conn.abortIndication = u;
        }
      }
      default -> { }
    }
  }

  private void onInitiateComplete(Event.Upcall u) {
    Event.Call call = u.tree().isEmpty() ? null : takePendingInitiate(u.tree().get(0).name());
    lastInitiateCompletion = new InitiateCompletion(u, call);
    learnTypes(u.tree());
    for (BlockView b : u.tree()) {
      if (b.type() != OffloadStateType.TCP) {
        continue;
      }
      TrackedConnection conn = track(b.name());
      if (conn.phase != Phase.OFFLOADING) {
        continue;
      }
      boolean offloaded = TreeWalk.offloaded(b);
      conn.phase = offloaded ? Phase.OFFLOADED : Phase.HOST_OWNED;
      if (offloaded && conn.initiateChain != null) {
        for (NblView n : conn.initiateChain) {
          TrackedSend s = sends.get(n.id());
          if (s != null && s.completion == null) {
            conn.outstanding.add(s);
          }
        }
      }
    }
  }

  private void onTerminateComplete(Event.Upcall u) {
    Event.Call call = u.tree().isEmpty() ? null : pendingTerminates.remove(u.tree().get(0).name());
    List<TerminatedTcp> tcps = new ArrayList<>();
    for (BlockView b : u.tree()) {
      if (b.type() != OffloadStateType.TCP) {
        continue;
      }
      TrackedConnection conn = track(b.name());
      tcps.add(new TerminatedTcp(conn, b, conn.outstandingSnapshot()));
      if (call != null) {
        conn.deliver(b.bufferedData().stream().mapToLong(NblView::dataLength).sum());
        conn.outstanding.clear();
        conn.phase = Phase.UPLOADED;
      }
    }
    lastTerminateCompletion = new TerminateCompletion(u, call, List.copyOf(tcps));
  }

  private void onSendComplete(Event.Upcall u) {
    List<SendCompletion> out = new ArrayList<>();
    for (NblView n : u.nbls()) {
      TrackedSend s = sends.get(n.id());
      if (s == null) {
        out.add(new SendCompletion(n, null, false, null));
        continue;
      }
      TrackedConnection conn = connection(s.connection);
      TrackedSend head = conn.outstanding.peekFirst();
      boolean repeated = s.completion != null;
      if (!repeated) {
        s.completion = u;
        s.completionStatus = n.status();
        conn.outstanding.remove(s);
      }
      out.add(new SendCompletion(n, s, repeated, head));
    }
    lastSendCompletions = List.copyOf(out);
  }

  private void onDisconnectComplete(Event.Upcall u) {
    for (NblView n : u.nbls()) {
      Event.Call call = pendingDisconnects.remove(n.id());
      TrackedConnection conn = call == null ? connection(u.connection()) : connection(call.connection());
      if (conn != null && call != null) {
        conn.disconnectCompletion = u;
        if (n.status() != NdisStatus.SUCCESS) {
          conn.failedDisconnect = u;
        }
      }
      lastDisconnectCompletion = new DisconnectCompletion(u, n, call, conn);
    }
  }

  private void onPacket(Event.Packet p) {
    TcpSegment s = p.segment();
    if (p.direction() == Direction.TO_PEER && payOrdinarySend(p.connection())) {
      hostPackets = LazyCollections.add(hostPackets, p.seq());
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

  private boolean payOrdinarySend(String connection) {
    if (ordinarySendsOwed.isEmpty()) {
      // The common case, and on check-trace's hot path: nothing owed, so no key list to build.
      return false;
    }
    // A packet the host could not name pays whichever call is owed; a named one, its own or an unnamed call.
    Collection<String> keys = connection == null ? List.copyOf(ordinarySendsOwed.keySet()) : List.of(connection, ANY_CONNECTION);
    for (String key : keys) {
      Integer owed = ordinarySendsOwed.get(key);
      if (owed != null && owed > 0) {
        ordinarySendsOwed.put(key, owed - 1);
        return true;
      }
    }
    return false;
  }
}
