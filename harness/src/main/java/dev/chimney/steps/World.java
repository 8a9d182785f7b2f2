package dev.chimney.steps;

import dev.chimney.host.EventLog;
import dev.chimney.host.HostConnection;
import dev.chimney.host.OffloadResult;
import dev.chimney.host.OffloadTree;
import dev.chimney.host.Session;
import dev.chimney.host.TerminateResult;
import dev.chimney.peer.PeerConnection;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.TargetContext;
import dev.chimney.wire.Endpoint;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One scenario's state, shared by the step classes (Cucumber's picocontainer makes one per
 * scenario). The session opens on first use, so that settings given first ("the target may hold 1
 * offloaded connection") reach the target when it is created.
 */
public final class World {
  /** The peer's port on every path. */
  static final int PEER_PORT = 80;
  /** The host's first local port; each connection takes the next. */
  static final int FIRST_LOCAL_PORT = 40001;
  /** The peer behind path 1 and path 2. */
  static final Inet4Address PEER_1 = address("198.51.100.20");
  static final Inet4Address PEER_2 = address("198.51.100.30");

  final RunContext run = RunContext.get();
  final Map<String, String> targetSettings = new HashMap<>();
  private Session session;
  final Map<String, HostConnection> connections = new LinkedHashMap<>();
  final Map<String, PeerConnection> peerSides = new HashMap<>();
  final Map<String, Long> hostStreamSent = new HashMap<>();
  final Map<String, Long> peerStreamSent = new HashMap<>();
  OffloadTree tree;
  OffloadResult lastOffload;
  TerminateResult lastTerminate;
  long terminateCallSeq;
  OffloadTarget standby;
  boolean hostConsumesIndications = true;
  /** Whether the peer has sent its FIN or RST: anything it sends after is a stray segment. */
  boolean peerClosed;
  /** Told of every event from the moment the session opens: the rule monitors. */
  EventLog.Listener monitors;

  /** The session, opened on first use. */
  Session session() {
    if (session == null) {
      session = Session.open(run.provider, Map.copyOf(targetSettings), run.timeouts);
      if (monitors != null) {
        session.log().addListener(monitors);
      }
    }
    return session;
  }

  /** The session if one was opened, else null. */
  Session sessionIfOpen() {
    return session;
  }

  /** Sets a setting the target will be created with; only before the session opens. */
  void setTargetSetting(String name, String value) {
    if (session != null) {
      throw new IllegalStateException("target settings must come first: the target was already created");
    }
    targetSettings.put(name, value);
  }

  /** Makes a connection from the host to the peer at {@code peerAddress}, named TCP1, TCP2... */
  HostConnection connect(Inet4Address peerAddress) {
    Session s = session();
    Endpoint peerEnd = new Endpoint(peerAddress, PEER_PORT);
    if (s.peer().connections().stream().noneMatch(c -> c.local().equals(peerEnd))) {
      s.peer().listen(peerEnd);
    }
    Endpoint local = new Endpoint(Session.TARGET_ADDRESS, FIRST_LOCAL_PORT + connections.size());
    HostConnection conn = s.host().connect(local, peerEnd);
    s.host().setConsumesIndications(conn, hostConsumesIndications);
    connections.put(conn.name(), conn);
    PeerConnection peerSide = s.peer().connection(peerEnd, local);
    peerSides.put(conn.name(), peerSide);
    awaitDelivery(peerSide::established, "the host's ACK of the handshake at the peer");
    return conn;
  }

  /** The only (or first) connection of the scenario. */
  HostConnection connection() {
    if (connections.isEmpty()) {
      throw new IllegalStateException("the scenario has made no connection yet");
    }
    return connections.values().iterator().next();
  }

  HostConnection connection(String name) {
    HostConnection c = connections.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no connection named " + name + " (have " + connections.keySet() + ")");
    }
    return c;
  }

  /** The peer's side of {@code conn}. */
  PeerConnection peerSide(HostConnection conn) {
    return peerSides.get(conn.name());
  }

  /** Every connection of the scenario. */
  List<HostConnection> allConnections() {
    return List.copyOf(connections.values());
  }

  /** The next {@code length} bytes of the host's stream on {@code conn}. */
  byte[] nextHostBytes(HostConnection conn, int length) {
    long offset = hostStreamSent.merge(conn.name(), (long) length, Long::sum) - length;
    return Payload.of(offset, length, 1);
  }

  /** The next {@code length} bytes of the peer's stream on {@code conn}. */
  byte[] nextPeerBytes(HostConnection conn, int length) {
    long offset = peerStreamSent.merge(conn.name(), (long) length, Long::sum) - length;
    return Payload.of(offset, length, 2);
  }

  /** Log queries over everything recorded so far. */
  LogQueries log() {
    return new LogQueries(session().log().events());
  }

  /** Runs the clock for {@code nanos}. */
  void pass(long nanos) {
    session().clock().runFor(nanos);
  }

  /** Runs the clock until {@code condition} or the quiet timeout: for steps that let things settle. */
  void settle(BooleanSupplier condition) {
    session().clock().runUntil(condition, run.timeouts.quiet().toNanos());
  }

  /** Waits for {@code condition} within the delivery timeout; fails naming {@code what}. */
  void awaitDelivery(BooleanSupplier condition, String what) {
    if (!session().clock().runUntil(condition, run.timeouts.delivery().toNanos())) {
      throw new AssertionError("timeout 'delivery' (" + run.timeouts.delivery().toMillis()
          + " ms) waiting for " + what);
    }
  }

  /** Lets the target hold at most {@code n} offloaded connections ({@link TargetContext#MAX_OFFLOADED_CONNECTIONS}). */
  void limitConnections(int n) {
    setTargetSetting(TargetContext.MAX_OFFLOADED_CONNECTIONS, Integer.toString(n));
  }

  private static Inet4Address address(String text) {
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
