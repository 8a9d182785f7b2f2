package dev.chimney.trace;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.wire.SeqNum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the event-log records a certify run would have logged for each host action, numbered in
 * one sequence with the packets: a disconnect requested before packet N becomes
 * {@code Event.Call(TCP_OFFLOAD_DISCONNECT, flags=ABORTIVE_CLOSE)} just before that packet's event.
 * Returns from the target's handlers are not made up (a capture does not show them); the monitors
 * judged offline do not need them. Trace judge thread only.
 */
final class HostEvents {
  /** One NET_BUFFER per list: what the host always passes. */
  private static final int ONE_BUFFER = 1;
  /** Ids for lists the manifest does not number, clear of the small ids manifests use. */
  private static final long FIRST_AUTOMATIC_ID = 1_000_000L;

  private long seq;
  private long nextAutomaticId = FIRST_AUTOMATIC_ID;
  /** Each connection's pending disconnect list, so that its completion names it. */
  private final Map<String, NblView> pendingDisconnect = new HashMap<>();
  /** Send lengths by id, so that completions carry them. */
  private final Map<Long, Integer> sendLengths = new HashMap<>();

  /** The next event sequence number; packets take theirs here too. */
  long nextSeq() {
    return ++seq;
  }

  /** Forgets what was kept for a judged connection. */
  void forget(String connection) {
    pendingDisconnect.remove(connection);
  }

  /** The events that stand for {@code a} on {@code c}, in order. */
  List<Event> of(HostAction a, TraceConnection c, long timeNanos) {
    List<Event> out = new ArrayList<>(2);
    String name = c.name;
    switch (a.kind()) {
      case OFFLOAD -> out.addAll(offload(c, timeNanos));
      case SEND -> {
        long id = a.ids().isEmpty() ? nextAutomaticId++ : a.ids().get(0);
        sendLengths.put(id, a.bytes());
        out.add(call(timeNanos, Api.TCP_OFFLOAD_SEND, name, List.of(nbl(id, NdisStatus.SUCCESS, a.bytes())), null, List.of()));
      }
      case SEND_COMPLETE -> {
        List<NblView> nbls = new ArrayList<>();
        for (long id : a.ids()) {
          nbls.add(nbl(id, a.status(), sendLengths.getOrDefault(id, 0)));
        }
        out.add(upcall(timeNanos, Api.TCP_OFFLOAD_SEND_COMPLETE, name, nbls, List.of()));
      }
      case GRACEFUL_DISCONNECT, ABORTIVE_DISCONNECT -> {
        NblView list = nbl(a.ids().isEmpty() ? nextAutomaticId++ : a.ids().get(0), NdisStatus.SUCCESS, a.bytes());
        pendingDisconnect.put(name, list);
        DisconnectFlags flags = a.kind() == ActionKind.ABORTIVE_DISCONNECT
            ? DisconnectFlags.ABORTIVE_CLOSE : DisconnectFlags.GRACEFUL_CLOSE;
        out.add(call(timeNanos, Api.TCP_OFFLOAD_DISCONNECT, name, List.of(list), flags, List.of()));
      }
      case DISCONNECT_COMPLETE -> {
        NblView pending = pendingDisconnect.remove(name);
        long id = !a.ids().isEmpty() ? a.ids().get(0) : pending != null ? pending.id() : nextAutomaticId++;
        out.add(upcall(timeNanos, Api.TCP_OFFLOAD_DISCONNECT_COMPLETE, name,
            List.of(nbl(id, a.status(), pending == null ? 0 : pending.dataLength())), List.of()));
      }
      case HOST_SEND -> out.add(call(timeNanos, Api.SEND_NET_BUFFER_LISTS, name, List.of(), null, List.of()));
      case TERMINATE -> {
        out.add(call(timeNanos, Api.TERMINATE_OFFLOAD, name, List.of(), null,
            List.of(tcpBlock(name, NdisStatus.SUCCESS, null))));
        if (!a.delegated().isEmpty()) {
          TcpDelegatedState d = new TcpDelegatedState();
          a.delegated().forEach(d::set);
          out.add(upcall(timeNanos, Api.TERMINATE_OFFLOAD_COMPLETE, name, List.of(),
              List.of(tcpBlock(name, a.status(), d))));
        }
      }
      default -> throw new IllegalStateException("no events for " + a.kind());
    }
    return out;
  }

  /**
   * An initiate and its completion for {@code c}, the delegated state being what the wire shows at
   * this point: SndNxt and SndMax the target's highest sequence end, SndUna the peer's highest ACK,
   * RcvNxt the peer's highest sequence end. Unknown values stay unset.
   */
  List<Event> offload(TraceConnection c, long timeNanos) {
    c.offloaded = true;
    boolean a = Boolean.TRUE.equals(c.targetIsA);
    long sent = a ? c.seqEndA : c.seqEndB;
    long peerAck = a ? c.ackB : c.ackA;
    long received = a ? c.seqEndB : c.seqEndA;
    TcpDelegatedState d = new TcpDelegatedState();
    if (SeqNum.known(sent)) {
      d.set(TcpDelegatedState.Field.SND_NXT, sent).set(TcpDelegatedState.Field.SND_MAX, sent);
    }
    long una = SeqNum.known(peerAck) ? peerAck : sent;
    if (SeqNum.known(una)) {
      d.set(TcpDelegatedState.Field.SND_UNA, una);
    }
    if (SeqNum.known(received)) {
      d.set(TcpDelegatedState.Field.RCV_NXT, received);
    }
    List<BlockView> tree = List.of(tcpBlock(c.name, NdisStatus.SUCCESS, d));
    return List.of(call(timeNanos, Api.INITIATE_OFFLOAD, c.name, List.of(), null, tree),
        upcall(timeNanos, Api.INITIATE_OFFLOAD_COMPLETE, c.name, List.of(), tree));
  }

  /** The target handed {@code bytes} received bytes to the host (a receive indication). */
  Event delivery(TraceConnection c, long bytes, long timeNanos) {
    return upcall(timeNanos, Api.TCP_OFFLOAD_RECEIVE_INDICATE, c.name,
        List.of(nbl(nextAutomaticId++, NdisStatus.SUCCESS, (int) Math.min(Integer.MAX_VALUE, bytes))), List.of());
  }

  private static BlockView tcpBlock(String name, NdisStatus status, TcpDelegatedState delegated) {
    return new BlockView(name, null, OffloadStateType.TCP, status, null, delegated, List.of());
  }

  private static NblView nbl(long id, NdisStatus status, int bytes) {
    return new NblView(id, status, bytes, ONE_BUFFER);
  }

  private Event.Call call(long timeNanos, Api api, String name, List<NblView> nbls, DisconnectFlags flags,
      List<BlockView> tree) {
    return new Event.Call(nextSeq(), timeNanos, api, name, nbls, flags, tree);
  }

  private Event.Upcall upcall(long timeNanos, Api api, String name, List<NblView> nbls, List<BlockView> tree) {
    return new Event.Upcall(nextSeq(), timeNanos, api, name, nbls, tree, null, null, null, true);
  }
}
