package dev.chimney.host;

import dev.chimney.host.HostContext.IndicatedList;
import dev.chimney.host.NblLedger.Purpose;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls that move data on an offloaded connection (MiniportTcpOffloadSend, Receive, Disconnect,
 * Forward and ReceiveReturn) and the waits for their completions. Each builds its lists in the
 * ledger, calls through the gateway, and keeps the connection's stream end in step with what the
 * target accepted, so that a terminate's returned send data can be checked against it.
 *
 * <p>The host's obligations on these calls are kept here by construction: abortive disconnects
 * carry no data (DSC-6), a failed disconnect is never reissued (DSC-12), and forwarded segments go
 * one per list, TCP header first (FWD-4), only to a connection whose offload has completed and is
 * not being terminated (FWD-5).
 */
final class DataCalls {
  private final HostContext host;

  DataCalls(HostContext host) {
    this.host = host;
  }

  /** See {@link HostStack#send}. */
  List<NetBufferList> send(HostConnection conn, byte[]... chunks) {
    HostContext.requirePhase(conn, "send on", ConnectionPhase.OFFLOADED, ConnectionPhase.TERMINATING);
    List<NetBufferList> lists = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      lists.add(host.ledger.create(chunk, Purpose.SEND, conn));
      all.write(chunk, 0, chunk.length);
    }
    NetBufferList head = NetBufferList.chain(lists);
    conn.streamEnd = SeqNum.add(conn.streamEnd, all.size());
    conn.sends.addAll(lists);
    Event.Returned r = host.gateway.call(Api.TCP_OFFLOAD_SEND, conn.name(), Snapshots.chain(head), null,
        List.of(), () -> conn.target.tcpOffloadSend(conn.context, head));
    if (r.status() != NdisStatus.PENDING) {
      conn.streamEnd = SeqNum.add(conn.streamEnd, -all.size());
      conn.refusedSendData.add(all.toByteArray());
    }
    return lists;
  }

  /** See {@link HostStack#postReceive}. */
  List<NetBufferList> postReceive(HostConnection conn, int... capacities) {
    HostContext.requirePhase(conn, "post receives on", ConnectionPhase.OFFLOADED);
    List<NetBufferList> lists = new ArrayList<>();
    for (int capacity : capacities) {
      lists.add(host.ledger.createEmpty(capacity, conn));
    }
    NetBufferList head = NetBufferList.chain(lists);
    host.gateway.call(Api.TCP_OFFLOAD_RECEIVE, conn.name(), Snapshots.chain(head), null, List.of(),
        () -> conn.target.tcpOffloadReceive(conn.context, head));
    return lists;
  }

  /** See {@link HostStack#disconnect(HostConnection, DisconnectFlags, byte[])}. */
  NetBufferList disconnect(HostConnection conn, DisconnectFlags flags, byte[] data) {
    HostContext.requirePhase(conn, "disconnect", ConnectionPhase.OFFLOADED, ConnectionPhase.TERMINATING);
    if (conn.disconnectFailedEvent != 0) {
      throw new HostRefusalException("DSC-12", "the disconnect of " + conn.name() + " failed at event #"
          + conn.disconnectFailedEvent + "; the host never issues it again");
    }
    if (flags == DisconnectFlags.ABORTIVE_CLOSE && data.length > 0) {
      throw new HostRefusalException("DSC-6", "an abortive disconnect carries no data, asked for "
          + data.length + " bytes on " + conn.name());
    }
    NetBufferList nbl = host.ledger.create(data, Purpose.DISCONNECT, conn);
    conn.disconnects.add(nbl);
    if (flags == DisconnectFlags.GRACEFUL_CLOSE) {
      conn.streamEnd = SeqNum.add(conn.streamEnd, data.length);
    }
    Event.Returned r = host.gateway.call(Api.TCP_OFFLOAD_DISCONNECT, conn.name(),
        List.of(Snapshots.of(nbl)), flags, List.of(),
        () -> conn.target.tcpOffloadDisconnect(conn.context, nbl, flags));
    if (r.status() != NdisStatus.PENDING) {
      synchronized (host.lock) {
        conn.disconnectStatus = r.status() == null ? NdisStatus.FAILURE : r.status();
        conn.disconnectFailedEvent = r.seq();
      }
    }
    return nbl;
  }

  /** See {@link HostStack#forward}. */
  List<NetBufferList> forward(HostConnection conn, TcpSegment... segments) {
    synchronized (host.lock) {
      switch (conn.phase) {
        case OFFLOADING -> {
          conn.pendingForwards.addAll(List.of(segments));
          return List.of();
        }
        case TERMINATING -> {
          conn.heldSegments.addAll(List.of(segments));
          return List.of();
        }
        case OFFLOADED -> { }
        default -> throw new HostRefusalException("FWD-5", conn.name() + " is " + conn.phase
            + ", not offloaded: there is nothing to forward to");
      }
    }
    return forwardNow(conn, List.of(segments));
  }

  /** MiniportTcpOffloadForward of {@code segments} at once, for a connection known to be offloaded. */
  List<NetBufferList> forwardNow(HostConnection conn, List<TcpSegment> segments) {
    if (segments.isEmpty()) {
      return List.of();
    }
    List<NetBufferList> lists = new ArrayList<>();
    for (TcpSegment s : segments) {
      byte[] packet = SegmentCodec.encode(s, 0, HostStack.HOST_TTL);
      int ipHeaderLength = (packet[0] & 0x0F) * 4;
      lists.add(host.ledger.create(Arrays.copyOfRange(packet, ipHeaderLength, packet.length),
          Purpose.FORWARD, conn));
    }
    NetBufferList head = NetBufferList.chain(lists);
    host.gateway.call(Api.TCP_OFFLOAD_FORWARD, conn.name(), Snapshots.chain(head), null, List.of(),
        () -> conn.target.tcpOffloadForward(conn.context, head));
    return lists;
  }

  /** See {@link HostStack#returnIndicated}. */
  List<NetBufferList> returnIndicated() {
    List<IndicatedList> all;
    synchronized (host.lock) {
      all = List.copyOf(host.toReturn);
      host.toReturn.clear();
    }
    Map<OffloadTarget, List<NetBufferList>> byTarget = new LinkedHashMap<>();
    for (IndicatedList i : all) {
      byTarget.computeIfAbsent(i.target(), t -> new ArrayList<>()).add(i.nbl());
    }
    List<NetBufferList> returned = new ArrayList<>();
    byTarget.forEach((target, lists) -> {
      NetBufferList head = NetBufferList.chain(lists);
      host.gateway.callVoid(Api.TCP_OFFLOAD_RECEIVE_RETURN, null, Snapshots.chain(head),
          () -> target.tcpOffloadReceiveReturn(head));
      returned.addAll(lists);
    });
    return returned;
  }

  /** See {@link HostStack#setConsumesIndications}. */
  void setConsumesIndications(HostConnection conn, boolean consumes) {
    synchronized (host.lock) {
      conn.consumesIndications = consumes;
    }
  }

  /** See {@link HostStack#awaitSendCompletions}. */
  void awaitSendCompletions(HostConnection conn, int n) {
    host.await("completion", host.timeouts.completion(), () -> "send completion of "
        + firstIncomplete(conn.sends) + " (" + conn.sendsCompleted + " of " + n + " sends of "
        + conn.name() + " completed)", () -> conn.sendsCompleted >= n);
  }

  /** See {@link HostStack#awaitDisconnectComplete}. */
  void awaitDisconnectComplete(HostConnection conn) {
    if (conn.disconnects.isEmpty()) {
      throw new IllegalStateException("no disconnect was issued on " + conn.name());
    }
    NetBufferList last = conn.disconnects.get(conn.disconnects.size() - 1);
    host.await("completion", host.timeouts.completion(), () -> "disconnect completion of NBL #"
        + last.id() + " (" + conn.name() + ")",
        () -> host.ledger.completed(last) || conn.disconnectFailedEvent != 0);
  }

  /** See {@link HostStack#awaitReceived}. */
  void awaitReceived(HostConnection conn, int bytes) {
    host.await("delivery", host.timeouts.delivery(), () -> bytes + " bytes received on " + conn.name()
        + " (received " + conn.receivedLength() + ")", () -> conn.receivedLength() >= bytes);
  }

  private String firstIncomplete(List<NetBufferList> lists) {
    for (NetBufferList l : lists) {
      if (!host.ledger.completed(l)) {
        return "NBL #" + l.id();
      }
    }
    return "a further send";
  }
}
