package dev.chimney.replay;

import dev.chimney.host.HarnessTimeoutException;
import dev.chimney.host.HostConnection;
import dev.chimney.host.HostStack;
import dev.chimney.host.OffloadResult;
import dev.chimney.host.Session;
import dev.chimney.host.Timeouts;
import dev.chimney.peer.AckPolicy;
import dev.chimney.peer.PeerConnection;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.ScenarioMonitors;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.trace.ActionKind;
import dev.chimney.trace.HostAction;
import dev.chimney.wire.Direction;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays the peer's side of a {@link RecordedTrace} against a live target. The host stack makes
 * the connection (actively, as in {@code certify}) and offloads it; the peer, which acknowledges
 * nothing of its own accord, then sends the recorded peer segments with their sequence and
 * acknowledgment numbers moved from the recorded ISNs to the live ones, and the host issues the
 * recorded host actions before the packets they preceded. Before each peer segment the driver waits
 * for the target's recorded answers that came before it (at most the quiet timeout each), so a
 * conversation keeps its order on a real-time target too. After the last recorded segment the
 * peer acknowledges what it took, once, and the wire is watched for the quiet timeout. The same
 * {@link ScenarioMonitors} as {@code certify} judge the run.
 *
 * <p>Runs on the calling thread, which runs the session's clock. One driver per replay.
 */
public final class ReplayDriver {
  /** The peer's live endpoint: the conventions' first peer, port 80, as in the scenarios. */
  static final Endpoint PEER = new Endpoint(address("198.51.100.20"), 80);
  /** The host's live local port. */
  static final int LOCAL_PORT = 40001;
  /** File names of the capture and event log written into the output folder. */
  public static final String ARTIFACT_BASE = "replay";

  private final OffloadTargetProvider provider;
  private final RuleCatalogue catalogue;
  private final Timeouts timeouts;
  private final Timing timing;

  /**
   * @param provider the live target
   * @param catalogue the rules the monitors judge
   * @param timeouts the waits: {@code quiet} bounds each wait for a recorded answer, {@code completion} the host's calls
   * @param timing how the peer's segments are paced
   */
  public ReplayDriver(OffloadTargetProvider provider, RuleCatalogue catalogue, Timeouts timeouts, Timing timing) {
    this.provider = provider;
    this.catalogue = catalogue;
    this.timeouts = timeouts;
    this.timing = timing;
  }

  /**
   * What the live run gave: the monitors' verdicts, the target's segments after the handshake,
   * the live ISNs, and what stopped the replay or what the target did that the SPI forbids.
   */
  public record LiveRun(ScenarioVerdicts verdicts, List<TcpSegment> targetSegments, long targetIsn, long peerIsn,
      int peerSegmentsSent, List<String> problems, Path capture, Path events, long durationNanos) {}

  /**
   * Runs the replay and writes {@code replay.pcapng} (host events as packet comments) and {@code
   * replay.events.txt} into {@code outDir}.
   *
   * @throws IOException when the capture cannot be written
   */
  public LiveRun run(RecordedTrace trace, Path outDir) throws IOException {
    long started = System.nanoTime();
    String scenario = "replay of " + trace.name();
    ScenarioMonitors monitors = new ScenarioMonitors(catalogue, provider.capabilities(), scenario,
        ARTIFACT_BASE + ".pcapng");
    List<String> problems = new ArrayList<>();
    List<TcpSegment> live = List.of();
    long targetIsn = 0;
    long peerIsn = 0;
    Step step = null;
    try (Session session = Session.open(provider, Map.of(), timeouts)) {
      session.log().addListener(monitors);
      step = new Step(session, trace);
      try {
        step.connect();
        targetIsn = step.peerSide.irs();
        peerIsn = step.peerSide.iss();
        step.replay(problems);
      } catch (IllegalStateException | HarnessTimeoutException e) {
        // A refusal (HostRefusalException is one) or a call the connection's phase does not allow,
        // because the target answered otherwise than recorded: the replay cannot go on.
        problems.add("replay stopped: " + e.getMessage());
      } finally {
        if (step.peerSide != null) {
          live = step.peerSide.segmentsFromTarget().subList(step.liveStart, step.peerSide.segmentsFromTarget().size());
        }
        session.writeArtifacts(outDir, ARTIFACT_BASE);
        session.peer().violations().forEach(v -> problems.add("peer: TCP sanity: " + v.message()
            + (v.segment() == null ? "" : " in " + v.segment())));
      }
      session.close();
      problems.addAll(session.targetFaults());
    }
    ScenarioVerdicts verdicts = monitors.finish();
    return new LiveRun(verdicts, live, targetIsn, peerIsn, step == null ? 0 : step.sent, problems,
        outDir.resolve(ARTIFACT_BASE + ".pcapng"), outDir.resolve(ARTIFACT_BASE + ".events.txt"),
        System.nanoTime() - started);
  }

  /** One replay's moving parts. */
  private final class Step {
    private final Session session;
    private final HostStack host;
    private final RecordedTrace trace;
    private final Deque<HostAction> actions;
    private HostConnection conn;
    private PeerConnection peerSide;
    private int liveStart;
    private boolean offloaded;
    /** Whether the trace places the offload; else it comes before the first segment after the handshake. */
    private final boolean offloadPlaced;
    private long replayStart;
    private long recordedStart = -1;
    private int sent;
    /**
     * The peer's segments that have reached the target. The driver waits for each one it sends
     * before going on, so that a host action recorded after a peer segment is taken after the target
     * has that segment, as in the recording: otherwise the action would reach the target one link
     * delay before the segment that preceded it (and a real-time target, a graceful disconnect before
     * the ACK of its data, which then looks like a FIN held for that ACK).
     */
    private final AtomicInteger deliveredToTarget = new AtomicInteger();
    /** The live target segments matched to recorded ones so far. */
    private int answered;
    /** {@link #reach}, over the first {@code reachScanned} live segments. */
    private long reach;
    private int reachScanned;

    Step(Session session, RecordedTrace trace) {
      this.session = session;
      this.host = session.host();
      this.trace = trace;
      this.actions = new ArrayDeque<>(trace.actions());
      this.offloadPlaced = trace.actions().stream().anyMatch(a -> a.kind() == ActionKind.OFFLOAD);
      session.link().addObserver(p -> {
        if (p.direction() == Direction.TO_TARGET) {
          deliveredToTarget.incrementAndGet();
        }
      });
    }

    void connect() {
      session.peer().listen(PEER);
      Endpoint local = new Endpoint(Session.TARGET_ADDRESS, LOCAL_PORT);
      conn = host.connect(local, PEER);
      peerSide = session.peer().connection(PEER, local);
      if (!session.clock().runUntil(peerSide::established, timeouts.delivery().toNanos())) {
        throw new HarnessTimeoutException("delivery", timeouts.delivery(), "the host's ACK of the handshake at the peer");
      }
      // The recording's own acknowledgments are replayed; the peer adds none.
      peerSide.setAckPolicy(AckPolicy.NONE);
      liveStart = peerSide.segmentsFromTarget().size();
      replayStart = session.clock().nanoTime();
    }

    void replay(List<String> problems) {
      for (RecordedPacket p : trace.packets()) {
        if (p.handshake()) {
          continue;
        }
        if (!offloaded && !offloadPlaced) {
          offload(problems);
        }
        issueActionsBefore(p.number(), problems);
        if (p.fromTarget()) {
          awaitAnswer(p);
          continue;
        }
        pace(p);
        int delivered = deliveredToTarget.get() + 1;
        peerSide.sendRecorded(liveSeq(p), liveAck(p), p.flags(), new byte[p.payloadLength()]);
        sent++;
        session.clock().runUntil(() -> deliveredToTarget.get() >= delivered, timeouts.delivery().toNanos());
      }
      issueActionsBefore(Long.MAX_VALUE, problems);
      if (!offloaded) {
        offload(problems);
      }
      // The recording is over; the peer now acknowledges what it took, as a live peer would, so that a
      // request pending at the end (a graceful disconnect waiting for the ACK of its FIN) can
      // complete. Whatever the target still sends is judged, and compared as beyond the recording.
      peerSide.setAckPolicy(AckPolicy.ALL);
      peerSide.ackNow();
      session.clock().runFor(timeouts.quiet().toNanos());
    }

    /**
     * Waits, at most the quiet timeout, for the live target's answer to its recorded segment {@code
     * p}: one more live segment than those that answered earlier ones (a retransmission is such an
     * answer) and, however the target cuts its data, live segments that reach as far in its sequence
     * space as {@code p} does. Counting segments alone sent the peer's next one, an ACK of all the
     * data, after the first of several; the rest then came as data the peer had acknowledged unseen.
     */
    private void awaitAnswer(RecordedPacket p) {
      long end = SeqNum.distance(trace.targetIsn(), p.seq()) + p.payloadLength() + (p.has(TcpFlag.FIN) ? 1 : 0);
      int before = answered;
      session.clock().runUntil(() -> {
        List<TcpSegment> live = peerSide.segmentsFromTarget();
        return live.size() - liveStart > before && reach(live) >= end;
      }, timeouts.quiet().toNanos());
      answered = peerSide.segmentsFromTarget().size() - liveStart;
    }

    /**
     * How far the target's live segments reach in its sequence space, from its ISN; {@code segments}
     * is what the peer has taken from the target, each scanned once.
     */
    private long reach(List<TcpSegment> segments) {
      for (; liveStart + reachScanned < segments.size(); reachScanned++) {
        TcpSegment s = segments.get(liveStart + reachScanned);
        reach = Math.max(reach, SeqNum.distance(peerSide.irs(), s.seqEnd()));
      }
      return reach;
    }

    private void pace(RecordedPacket p) {
      if (timing != Timing.recorded) {
        return;
      }
      if (recordedStart < 0) {
        recordedStart = p.offsetNanos();
      }
      long due = replayStart + (p.offsetNanos() - recordedStart);
      long wait = due - session.clock().nanoTime();
      if (wait > 0) {
        session.clock().runFor(wait);
      }
    }

    private long liveSeq(RecordedPacket p) {
      return SeqNum.add(peerSide.iss(), p.seq() - trace.peerIsn());
    }

    private long liveAck(RecordedPacket p) {
      return SeqNum.add(peerSide.irs(), p.ack() - trace.targetIsn());
    }

    private void offload(List<String> problems) {
      offloaded = true;
      OffloadResult result = host.offload(conn);
      if (!result.offloaded(conn)) {
        problems.add("the target did not take the connection: MiniportInitiateOffload " + result.status(conn));
      }
    }

    /**
     * The data of {@code first} and of the sends that follow it from the same source: certify's
     * comments list one call's chain as several sends, and a chain is segmented as one stream.
     */
    private byte[][] chain(HostAction first) {
      List<byte[]> chunks = new ArrayList<>();
      chunks.add(new byte[first.bytes()]);
      while (!actions.isEmpty() && actions.peekFirst().kind() == ActionKind.SEND
          && actions.peekFirst().source().equals(first.source()) && first.source().endsWith(" comment")) {
        chunks.add(new byte[actions.pollFirst().bytes()]);
      }
      return chunks.toArray(new byte[0][]);
    }

    /** Issues the host actions placed before packet {@code packet}; the target's own upcalls are awaited, not issued. */
    private void issueActionsBefore(long packet, List<String> problems) {
      while (!actions.isEmpty() && actions.peekFirst().packet() <= packet) {
        HostAction a = actions.pollFirst();
        switch (a.kind()) {
          case OFFLOAD -> {
            if (!offloaded) {
              offload(problems);
            }
          }
          case SEND -> host.send(conn, chain(a));
          case GRACEFUL_DISCONNECT -> host.disconnect(conn, DisconnectFlags.GRACEFUL_CLOSE, new byte[a.bytes()]);
          case ABORTIVE_DISCONNECT -> host.disconnect(conn, DisconnectFlags.ABORTIVE_CLOSE);
          case TERMINATE -> host.terminate(conn);
          // The target's upcalls are its answers, judged live; the host's ordinary sends are its handshake.
          case SEND_COMPLETE, DISCONNECT_COMPLETE, HOST_SEND -> { }
        }
      }
    }
  }

  private static Inet4Address address(String text) {
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
