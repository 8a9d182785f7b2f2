package dev.chimney.host;

import dev.chimney.spi.OffloadTarget;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.util.List;

/**
 * The host running connections itself, with its own {@link HostTcp} over a target's ordinary send
 * and receive paths: the handshake that makes a connection before any offload, the resumption after
 * a terminate (or a refused initiate) with the segments held meanwhile, ordinary sends, and every
 * segment the ordinary receive path brings up, which goes to whoever runs its connection at that
 * moment: the host's TCP, the target (forwarded), or the held segments.
 */
final class OrdinaryPath {
  private final HostContext host;
  private final DataCalls dataCalls;
  private int ipId;

  OrdinaryPath(HostContext host, DataCalls dataCalls) {
    this.host = host;
    this.dataCalls = dataCalls;
  }

  /** See {@link HostStack#connect}. */
  HostConnection connect(Endpoint local, Endpoint remote) {
    host.requireAttached();
    int index = host.connections.size();
    HostConnection conn = new HostConnection("TCP" + (index + 1), local, remote,
        c -> new HostTcp(local, remote, host.clock, seg -> transmitOrdinary(c, seg), c::deliver));
    conn.target = host.primary.target;
    synchronized (host.lock) {
      host.connections.add(conn);
      host.byTuple.put(List.of(local, remote), conn);
    }
    conn.tcp.open(SeqNum.add(HostStack.ISN_BASE, index * HostStack.ISN_STEP));
    host.await("completion", host.timeouts.completion(),
        () -> "SYN-ACK from " + remote + " to establish " + conn.name(), conn.tcp::established);
    conn.phase = ConnectionPhase.HOST;
    conn.streamEnd = conn.tcp.sndMax();
    return conn;
  }

  private void transmitOrdinary(HostConnection conn, TcpSegment segment) {
    byte[] packet = SegmentCodec.encode(segment, nextIpId(), HostStack.HOST_TTL);
    OffloadTarget target = conn.target;
    host.gateway.callVoid(Api.SEND_NET_BUFFER_LISTS, conn.name(), List.of(),
        () -> target.sendNetBufferLists(packet));
  }

  private int nextIpId() {
    synchronized (host.lock) {
      ipId = (ipId + 1) & 0xFFFF;
      return ipId;
    }
  }

  /** See {@link HostStack#carryOn}. */
  void carryOn(HostConnection conn) {
    HostContext.requirePhase(conn, "carry on with", ConnectionPhase.UPLOADED);
    synchronized (host.lock) {
      conn.phase = ConnectionPhase.HOST;
    }
    conn.tcp.resume();
    for (byte[] refused : conn.refusedSendData) {
      conn.tcp.send(refused);
    }
    conn.refusedSendData.clear();
    processHeld(conn, conn.heldSegments);
    conn.tcp.acknowledgeAndSend();
  }

  /** See {@link HostStack#sendOrdinary}. */
  void sendOrdinary(HostConnection conn, byte[] data) {
    HostContext.requirePhase(conn, "send on the ordinary path of", ConnectionPhase.HOST);
    conn.streamEnd = SeqNum.add(conn.streamEnd, data.length);
    conn.tcp.send(data);
  }

  /** See {@link HostStack#awaitAllAcknowledged}. */
  void awaitAllAcknowledged(HostConnection conn) {
    host.await("delivery", host.timeouts.delivery(), () -> "the peer's acknowledgment of all data of "
        + conn.name(), conn.tcp::allAcknowledged);
  }

  /** Has the host's TCP process {@code held} in arrival order, and empties it. */
  void processHeld(HostConnection conn, List<TcpSegment> held) {
    List<TcpSegment> segments = List.copyOf(held);
    held.clear();
    for (TcpSegment s : segments) {
      conn.tcp.onSegment(s);
    }
  }

  /** A segment of a known connection from the ordinary receive path, routed by who runs it. */
  void receive(HostConnection c, TcpSegment s) {
    switch (c.phase) {
      case CONNECTING, HOST -> {
        c.tcp.onSegment(s);
        if (c.tcp.state() == HostTcp.State.CLOSED) {
          c.phase = ConnectionPhase.RESET;
        }
      }
      case OFFLOADING -> c.pendingForwards.add(s);
      case OFFLOADED -> dataCalls.forwardNow(c, List.of(s));
      case TERMINATING, UPLOADED -> c.heldSegments.add(s);
      case RESET -> { }
    }
  }
}
