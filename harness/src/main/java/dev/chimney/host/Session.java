package dev.chimney.host;

import dev.chimney.peer.ScriptedPeer;
import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import dev.chimney.wire.CapturedPacket;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SimulatedLink;
import dev.chimney.wire.TcpSegment;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's world: the virtual clock, the event log, the simulated link with its capture,
 * the scripted peer at the far end, the host stack, and the target under test created for it.
 * Every call and upcall is also written as a comment on the next captured packet, so a capture read
 * in Wireshark shows what the host was doing.
 *
 * <p>Opened and used on one thread (the host thread, which runs the clock); {@link #close()} it at
 * the end of the scenario, failed or not.
 */
public final class Session implements AutoCloseable {
  /** The target's address on the link, from the conventions: 192.0.2.10. */
  public static final Inet4Address TARGET_ADDRESS = Ipv4.of(192, 0, 2, 10);

  private final OffloadTargetProvider provider;
  private final Map<String, String> settings;
  private final HostClock clock;
  private final EventLog log;
  private final SimulatedLink link;
  private final ScriptedPeer peer;
  private final HostStack host;
  private final List<OffloadTarget> targets = new ArrayList<>();
  private volatile OffloadTarget wireTarget;
  private OffloadTarget target;
  private final List<String> targetThrows = new ArrayList<>();
  private boolean closed;

  private Session(OffloadTargetProvider provider, Map<String, String> settings, Timeouts timeouts) {
    this.provider = provider;
    this.settings = Map.copyOf(settings);
    this.clock = provider.capabilities().contains(Capability.VIRTUAL_TIME) ? new VirtualClock() : new RealTimeClock();
    this.log = new EventLog(clock);
    this.link = new SimulatedLink(clock, SimulatedLink.DEFAULT_PROPAGATION_DELAY_NANOS);
    this.peer = new ScriptedPeer(clock, link.peerPort());
    this.host = new HostStack(clock, log, timeouts);
    link.attachPeerWithSendTime(peer::receive);
    link.attachTarget(this::deliverToTarget);
    link.addObserver(this::recordPacket);
    log.addListener(this::annotateCapture);
  }

  /**
   * Opens a session and creates the target in it.
   *
   * @param settings the scenario's target settings (see {@link TargetContext}); never null
   * @throws TargetStartException when the provider fails to create the target; the message is its
   */
  public static Session open(OffloadTargetProvider provider, Map<String, String> settings, Timeouts timeouts) {
    Session s = new Session(provider, settings, timeouts);
    s.target = s.createTarget(s.host);
    s.host.attach(s.target);
    s.wireTarget = s.target;
    return s;
  }

  /**
   * Creates a second instance of the same target on the same link, for failover (TRM-8): the
   * standby NIC of a team. The link keeps delivering to the first until {@link #routeWireTo}.
   */
  public OffloadTarget openStandbyTarget() {
    OffloadHost standbyHost = host.additionalHost();
    OffloadTarget standby = createTarget(standbyHost);
    host.attach(standbyHost, standby);
    return standby;
  }

  /** Makes the link deliver packets from the peer to {@code t} (the team's active NIC). */
  public void routeWireTo(OffloadTarget t) {
    if (!targets.contains(t)) {
      throw new IllegalArgumentException("not a target of this session: " + t);
    }
    wireTarget = t;
  }

  private OffloadTarget createTarget(OffloadHost hostSide) {
    TargetContext context = new TargetContext(hostSide, link.targetPort(), clock, TARGET_ADDRESS, settings);
    OffloadTarget created;
    try {
      created = provider.create(context);
    } catch (Exception e) {
      throw new TargetStartException(provider.name(), e);
    }
    targets.add(created);
    return created;
  }

  /** Hands a packet from the wire to the active target; a throw is noted, never propagated. */
  private void deliverToTarget(byte[] packet) {
    try {
      wireTarget.receiveFromWire(packet);
    } catch (RuntimeException e) {
      targetThrew("receiveFromWire", e);
    }
  }

  private void recordPacket(CapturedPacket p) {
    TcpSegment segment;
    try {
      segment = SegmentCodec.decode(p.bytes());
    } catch (MalformedPacketException e) {
      log.note("packet " + p.number() + " is not a valid TCP/IPv4 packet: " + e.getMessage());
      return;
    }
    String connection = host.connectionName(segment.source(), segment.destination());
    log.append((seq, time) -> new Event.Packet(seq, time, p.number(), p.direction(), segment, connection));
  }

  private void annotateCapture(Event e) {
    if (e instanceof Event.Call || e instanceof Event.Upcall) {
      link.annotate("#" + e.seq() + " " + e.describe());
    }
  }

  /**
   * The run's clock: virtual for targets that declare {@link Capability#VIRTUAL_TIME}, real time
   * for the others.
   */
  public HostClock clock() {
    return clock;
  }

  /** The run's event log. */
  public EventLog log() {
    return log;
  }

  /** The host stack, which drives the target. */
  public HostStack host() {
    return host;
  }

  /** The scripted peer at the far end of the link. */
  public ScriptedPeer peer() {
    return peer;
  }

  /** The target under test. */
  public OffloadTarget target() {
    return target;
  }

  /** The link between the target and the peer, with its capture. */
  public SimulatedLink link() {
    return link;
  }

  /**
   * Writes {@code baseName.pcapng} (the capture, host events as packet comments) and {@code
   * baseName.events.txt} (one line per event: "#seq seconds describe") into {@code dir}.
   */
  public void writeArtifacts(Path dir, String baseName) throws IOException {
    Files.createDirectories(dir);
    link.writeCapture(dir.resolve(baseName + ".pcapng"));
    List<String> lines = new ArrayList<>();
    for (Event e : log.events()) {
      lines.add(describeLine(e));
    }
    Files.write(dir.resolve(baseName + ".events.txt"), lines, StandardCharsets.UTF_8);
  }

  /** "#12 0.000150000 host: MiniportTcpOffloadSend(TCP1, ...)": seq, clock seconds, description. */
  static String describeLine(Event e) {
    long nanos = e.timeNanos();
    return String.format("#%d %d.%09d %s", e.seq(), nanos / 1_000_000_000L, nanos % 1_000_000_000L,
        e.describe());
  }

  private synchronized void targetThrew(String handler, RuntimeException e) {
    String text = "target threw from " + handler + ": " + e;
    targetThrows.add(text);
    log.note(text);
  }

  /**
   * What the target did that the SPI forbids whatever the rule: each handler that threw (the first
   * time a handler threw a given thing), and each anomaly the host stack noticed in its upcalls (a
   * completion of a list never handed over, a second completion). Empty for a target that behaved.
   * Any thread; complete once {@link #close()} has returned.
   */
  public synchronized List<String> targetFaults() {
    Set<String> faults = new LinkedHashSet<>();
    for (Event e : log.events()) {
      if (e instanceof Event.Returned r && r.thrown() != null) {
        faults.add("target threw from " + r.api().ndisName() + ": " + r.thrown());
      }
    }
    faults.addAll(targetThrows);
    host.targetAnomalies().forEach(a -> faults.add("host anomaly: " + a));
    return List.copyOf(faults);
  }

  /** Halts every target of the session once (MiniportHaltEx), even after a failure; a throw is noted. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (OffloadTarget t : targets) {
      try {
        t.close();
      } catch (RuntimeException e) {
        targetThrew("close", e);
      }
    }
  }
}
