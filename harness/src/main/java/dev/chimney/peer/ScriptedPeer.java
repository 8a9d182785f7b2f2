package dev.chimney.peer;

import dev.chimney.spi.Link;
import dev.chimney.spi.TargetClock;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The remote TCP endpoint on the far side of the simulated link. Scenario steps make it listen and
 * drive its {@link PeerConnection}s; the link hands it every packet from the target through {@link
 * #receive}, and it answers through the {@link Link} it was given.
 *
 * <p>It only ever answers a SYN on an endpoint it listens on, and it ignores anything else it has
 * no connection for: it never sends an RST of its own accord, so every reset on the wire is the
 * target's or one a scenario asked for. Initial sequence numbers come from a seeded generator, so
 * a run is the same every time.
 *
 * <p>Not thread-safe: everything runs on the host thread that runs the virtual clock.
 */
public final class ScriptedPeer {
  private final TargetClock clock;
  private final Link toTarget;
  private final SplittableRandom isns;
  private final Set<Endpoint> listening = new HashSet<>();
  private final List<PeerConnection> connections = new ArrayList<>();
  private final List<SanityViolation> violations = new ArrayList<>();
  private int ipId;

  /**
   * A peer with ISNs from {@link PeerDefaults#ISN_SEED}.
   *
   * @param clock the run's clock; retransmission timers run on it
   * @param toTarget where the peer's packets go: the simulated link's peer port
   */
  public ScriptedPeer(TargetClock clock, Link toTarget) {
    this(clock, toTarget, PeerDefaults.ISN_SEED);
  }

  /** A peer whose ISNs come from {@code isnSeed}: for a scenario that needs other sequence numbers. */
  public ScriptedPeer(TargetClock clock, Link toTarget, long isnSeed) {
    this.clock = clock;
    this.toTarget = toTarget;
    this.isns = new SplittableRandom(isnSeed);
  }

  /**
   * Takes one IPv4 packet from the target, sent now; see {@link #receive(byte[], long)}.
   */
  public void receive(byte[] ipPacket) {
    receive(ipPacket, clock.nanoTime());
  }

  /**
   * Takes one IPv4 packet the target sent at {@code sentAtNanos}; the link calls it on the clock's
   * thread. The sanity checks judge the segment against what the target could have known when it
   * sent it. A packet that does not decode is kept as a {@link SanityViolation} without a segment.
   */
  public void receive(byte[] ipPacket, long sentAtNanos) {
    TcpSegment segment;
    try {
      segment = SegmentCodec.decode(ipPacket);
    } catch (MalformedPacketException e) {
      record(new SanityViolation(clock.nanoTime(), null, "packet: " + e.getMessage()));
      return;
    }
    PeerConnection connection = connection(segment.destination(), segment.source());
    if (isFreshSyn(segment) && (connection == null || connection.closed())) {
      connection = bind(segment);
    }
    if (connection != null) {
      connection.onSegment(segment, sentAtNanos);
    }
  }

  /**
   * Listens on {@code local} (passive open). The returned connection is bound by the first SYN to
   * {@code local}: the peer answers it with a SYN-ACK carrying MSS {@link PeerDefaults#PEER_MSS}
   * and, if the SYN offered window scaling, window scale {@link PeerDefaults#PEER_WINDOW_SCALE}; the
   * connection is established on the target's ACK. The endpoint stays listening: further SYNs bind
   * further connections from earlier {@code listen} calls, or new ones found through {@link
   * #connection} and {@link #connections}.
   */
  public PeerConnection listen(Endpoint local) {
    listening.add(local);
    return open(local);
  }

  /**
   * The latest connection between {@code local} (the peer's end) and {@code remote} (the target's),
   * reset or not; null if there is none.
   */
  public PeerConnection connection(Endpoint local, Endpoint remote) {
    for (int i = connections.size() - 1; i >= 0; i--) {
      PeerConnection c = connections.get(i);
      if (local.equals(c.local()) && remote.equals(c.remote())) {
        return c;
      }
    }
    return null;
  }

  /** Every connection, listening ones included, in the order they were opened. */
  public List<PeerConnection> connections() {
    return List.copyOf(connections);
  }

  /** Every sanity violation on any connection, and every undecodable packet, in arrival order. */
  public List<SanityViolation> violations() {
    return List.copyOf(violations);
  }

  TargetClock clock() {
    return clock;
  }

  void record(SanityViolation violation) {
    violations.add(violation);
  }

  /** Encodes {@code segment} and puts it on the link, with the peer's next IP identification. */
  void transmit(TcpSegment segment) {
    toTarget.transmit(SegmentCodec.encode(segment, ipId, PeerDefaults.TTL));
    ipId = (ipId + 1) & 0xFFFF;
  }

  private boolean isFreshSyn(TcpSegment segment) {
    return segment.has(TcpFlag.SYN) && !segment.has(TcpFlag.ACK) && !segment.has(TcpFlag.RST)
        && listening.contains(segment.destination());
  }

  private PeerConnection bind(TcpSegment syn) {
    PeerConnection connection = null;
    for (PeerConnection c : connections) {
      if (c.listening() && c.local().equals(syn.destination())) {
        connection = c;
        break;
      }
    }
    if (connection == null) {
      connection = open(syn.destination());
    }
    connection.accept(syn);
    return connection;
  }

  private PeerConnection open(Endpoint local) {
    PeerConnection connection = new PeerConnection(this, local, SeqNum.mask(isns.nextLong()));
    connections.add(connection);
    return connection;
  }
}
