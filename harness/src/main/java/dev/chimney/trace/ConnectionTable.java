package dev.chimney.trace;

import dev.chimney.wire.Endpoint;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live connections of a capture, by four-tuple and by name. Names are given in order of first
 * sight, "TCP1", "TCP2"..., as the host names its TCP objects. A connection is retired (judged and
 * forgotten) {@link #CLOSED_LINGER_NANOS} of capture time after it closed, or {@link
 * #IDLE_LIMIT_NANOS} after its last segment, whichever comes first; a later segment with the same
 * four-tuple starts a new connection. Trace judge thread only.
 */
final class ConnectionTable {
  /**
   * How long a closed connection stays judged: long enough for a retransmitted FIN or RST and the
   * segments a broken target sends after closing (2 x the 30 s MSL Linux uses would be the TCP
   * answer, but the capture's own timing matters, not TIME_WAIT).
   */
  static final long CLOSED_LINGER_NANOS = 10_000_000_000L;
  /** A connection silent this long is judged and forgotten even if it never closed. */
  static final long IDLE_LIMIT_NANOS = 300_000_000_000L;
  /**
   * Capture time between sweeps for idle connections: a fraction of the idle limit, so an idle
   * connection goes at most that much late, and a sweep (a walk of every live connection) comes
   * seldom enough to cost nothing per packet.
   */
  static final long SWEEP_INTERVAL_NANOS = IDLE_LIMIT_NANOS / 8;
  /**
   * The address IPv6 connections carry in the segments handed to the monitors, whose Endpoint is
   * IPv4 only; the monitors judge sequence space and never look at addresses, and reports use the
   * real ones.
   */
  static final String IPV6_STAND_IN = "0.0.0.0";

  private final FlowIndex byKey = new FlowIndex();
  private final Map<String, TraceConnection> byName = new HashMap<>();
  private final Deque<TraceConnection> closed = new ArrayDeque<>();
  private final Consumer<TraceConnection> retire;
  /**
   * When the oldest closed connection is due, if it stays quiet: kept here so that the check on
   * every packet reads a field instead of that connection (a cache miss once it has gone cold).
   */
  private long closedHeadDue = Long.MAX_VALUE;
  private long named;
  private long maxLive;
  private long nextSweepNanos = SWEEP_INTERVAL_NANOS;

  /** @param retire judges a connection as it leaves the table */
  ConnectionTable(Consumer<TraceConnection> retire) {
    this.retire = retire;
  }

  /**
   * The live connection of a segment from the source to the destination, started (named) by this
   * segment when there is none.
   *
   * @param fromA whether the source is the key's "a" ({@link FlowKey#sourceFirst})
   * @param number the segment's packet number: a connection it starts has this {@code firstPacket}
   */
  TraceConnection connectionOf(long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow, int dstPort,
      boolean fromA, long number) {
    TraceConnection c = fromA ? byKey.get(srcHigh, srcLow, dstHigh, dstLow, FlowKey.ports(srcPort, dstPort))
        : byKey.get(dstHigh, dstLow, srcHigh, srcLow, FlowKey.ports(dstPort, srcPort));
    if (c == null) {
      IpAddress src = new IpAddress(srcHigh, srcLow);
      IpAddress dst = new IpAddress(dstHigh, dstLow);
      FlowKey key = FlowKey.of(src, srcPort, dst, dstPort);
      c = fromA ? open(key, src, srcPort, dst, dstPort, number) : open(key, dst, dstPort, src, srcPort, number);
    }
    return c;
  }

  /** The live connection with this name, or null. */
  TraceConnection named(String name) {
    return byName.get(name);
  }

  /** Starts a connection whose "a" and "b" are the key's endpoints. */
  private TraceConnection open(FlowKey key, IpAddress aAddress, int aPort, IpAddress bAddress, int bPort,
      long firstPacket) {
    TraceConnection c = new TraceConnection(++named, key, endpoint(aAddress, aPort), endpoint(bAddress, bPort));
    c.firstPacket = firstPacket;
    byKey.put(c);
    byName.put(c.name, c);
    maxLive = Math.max(maxLive, byKey.size());
    return c;
  }

  private static Endpoint endpoint(IpAddress a, int port) {
    try {
      InetAddress address = InetAddress.getByAddress(a.isIpv4() ? a.toBytes() : InetAddress.getByName(IPV6_STAND_IN).getAddress());
      return new Endpoint((Inet4Address) address, port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes always make an address", e);
    }
  }

  /** Notes a segment of {@code c} at capture time {@code now}. */
  void seen(TraceConnection c, long now) {
    c.lastSeenNanos = now;
    if (c.closedAndQueued && closed.peekFirst() == c) {
      closedHeadDue = now + CLOSED_LINGER_NANOS;
    }
  }

  /** Notes that {@code c} has closed: it will be retired once it has been quiet for the linger. */
  void closing(TraceConnection c) {
    if (!c.closedAndQueued) {
      c.closedAndQueued = true;
      closed.addLast(c);
      if (closed.size() == 1) {
        closedHeadDue = c.lastSeenNanos + CLOSED_LINGER_NANOS;
      }
    }
  }

  /** Retires what is due at capture time {@code now}. */
  void expire(long now) {
    if (closedHeadDue <= now) {
      while (!closed.isEmpty() && closed.peekFirst().lastSeenNanos + CLOSED_LINGER_NANOS <= now) {
        remove(closed.pollFirst());
      }
      closedHeadDue = closed.isEmpty() ? Long.MAX_VALUE : closed.peekFirst().lastSeenNanos + CLOSED_LINGER_NANOS;
    }
    if (now >= nextSweepNanos) {
      nextSweepNanos = now + SWEEP_INTERVAL_NANOS;
      List<TraceConnection> idle = new ArrayList<>();
      for (TraceConnection c : byKey.values()) {
        if (c.lastSeenNanos + IDLE_LIMIT_NANOS <= now) {
          idle.add(c);
        }
      }
      idle.forEach(this::remove);
    }
  }

  private void remove(TraceConnection c) {
    if (byKey.remove(c)) {
      byName.remove(c.name);
      retire.accept(c);
    }
  }

  /** Retires every connection left: the capture is over. */
  void retireAll() {
    Collection<TraceConnection> left = byKey.values();
    left.stream().sorted((x, y) -> Long.compare(x.firstPacket, y.firstPacket)).forEach(this::remove);
    closed.clear();
    closedHeadDue = Long.MAX_VALUE;
  }

  /** Connections named so far. */
  long count() {
    return named;
  }

  /** The most connections live at once. */
  long maxLive() {
    return maxLive;
  }
}
