package dev.chimney.trace;

import dev.chimney.host.Event;
import dev.chimney.rules.Rule;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import dev.chimney.wire.capture.CaptureFormatException;
import dev.chimney.wire.capture.CaptureNotice;
import dev.chimney.wire.capture.CaptureReader;
import dev.chimney.wire.capture.CaptureRecord;
import dev.chimney.wire.capture.TcpPacketDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Judges one capture: streams its records, names its connections, places the host actions, and
 * feeds each connection's monitors the events a certify run would have logged. One judge per
 * capture, used once, from one thread; it reads through a {@link DecodingReader} and judges
 * through {@link JudgeShards}, whose threads end before {@link #judge} returns.
 *
 * <p>Which side is the offload target: the manifest's {@code target:}, else the pcapng direction
 * flags (chimney's captures are taken at the target's port: outbound is the target's). Without
 * either, only the observations are reported. Host actions come from the manifest's {@code
 * actions:}, else from chimney's packet comments; without either, each connection is taken to be
 * offloaded from its first segment after the handshake, with the delegated state the wire shows
 * there, and no host request is known.
 *
 * <p>The host side of delivery is not on the wire: from the target's FIN on, each new byte the
 * target acknowledges is taken as indicated to the host, so DSC-9 judges the acknowledgment.
 */
public final class TraceJudge {
  /** The rules a capture can show, by ID, with what a connection needs to exercise each. */
  private static final SortedMap<String, String> NEEDS = new TreeMap<>(Map.of(
      "DSC-2", "an abortive-disconnect action",
      "DSC-3", "a segment from the target on an offloaded connection",
      "DSC-5", "an abortive-disconnect action with peer data the target had not acknowledged",
      "DSC-7", "a graceful-disconnect action on an offloaded connection",
      "DSC-8", "a graceful-disconnect action while the peer had not acknowledged all data",
      "DSC-9", "peer data after the target's FIN",
      "SND-2", "send and send-complete actions",
      "TOC-3", "a terminate action with the delegated state"));
  /** The rules a capture can show, with what check-trace feeds their monitors, in ID order. */
  public static final List<String> OFFLINE_RULES = List.copyOf(NEEDS.keySet());

  private final RuleCatalogue catalogue;
  private final Path capture;
  /** Where the capture comes from when not from the file {@link #capture}; null for the file. */
  private final InputStream stream;
  private final TraceManifest manifest;
  private final String captureName;
  private final HostEvents hostEvents = new HostEvents();
  private final int workers;
  private JudgeShards shards;
  private RuleTally tally;
  private final Observations observations = new Observations();
  private final ConnectionTable table = new ConnectionTable(this::retire);
  private final ActionSchedule schedule;
  private final Set<String> explicitlyOffloaded = new HashSet<>();
  private Boolean annotated;
  private long firstTime = Long.MIN_VALUE;
  private long lastTime;
  private long packets;
  private long tcpSegments;
  private long notTcp;
  private long headersCut;
  private long malformed;
  private long truncatedJudged;
  private boolean targetKnown;
  private Stash stash;

  /**
   * @param catalogue every rule: those a capture cannot show are reported NOT_APPLICABLE
   * @param capture the capture file
   * @param manifest its manifest, or null
   */
  public TraceJudge(RuleCatalogue catalogue, Path capture, TraceManifest manifest) {
    this(catalogue, capture, null, manifest, JudgeShards.defaultCount());
  }

  /**
   * Judges a capture read from {@code stream} as it comes (standard input, a pipe from a live
   * {@code tcpdump -w -}), which {@link #judge()} closes.
   *
   * @param name what the report and messages call the capture
   */
  public TraceJudge(RuleCatalogue catalogue, Path name, InputStream stream, TraceManifest manifest) {
    this(catalogue, name, stream, manifest, JudgeShards.defaultCount());
  }

  /** As above, with the monitors run on {@code workers} threads. */
  TraceJudge(RuleCatalogue catalogue, Path capture, TraceManifest manifest, int workers) {
    this(catalogue, capture, null, manifest, workers);
  }

  private TraceJudge(RuleCatalogue catalogue, Path capture, InputStream stream, TraceManifest manifest,
      int workers) {
    this.workers = workers;
    this.catalogue = catalogue;
    this.capture = capture;
    this.stream = stream;
    this.manifest = manifest;
    this.captureName = capture.getFileName().toString();
    List<HostAction> actions = manifest == null ? List.of() : manifest.actions();
    this.schedule = new ActionSchedule(manifest == null ? capture : manifest.file(), actions);
    for (HostAction a : actions) {
      if (a.kind() == ActionKind.OFFLOAD) {
        explicitlyOffloaded.add(a.connection());
      }
    }
    targetKnown = manifest != null && manifest.target() != null;
  }

  /** A packet held back until the next record says whether it was the last (see {@link #flushStash}). */
  private record Stash(TraceConnection c, boolean fromA, long number, long time, Direction direction,
      TcpSegment segment, List<CommentActions.Parsed> commented) {}

  private static List<CommentActions.Parsed> commentActions(List<String> comments, long number, TraceConnection c) {
    if (comments.isEmpty()) {
      return List.of();
    }
    List<CommentActions.Parsed> out = new ArrayList<>();
    for (String comment : comments) {
      out.addAll(CommentActions.parse(comment, number, c.name));
    }
    return out;
  }

  /**
   * Reads the whole capture and judges it.
   *
   * @throws CaptureFormatException when not one packet could be read (wrong magic, a header cut short)
   * @throws ManifestException when the manifest does not fit the capture (a packet past its end, an
   *     unknown connection)
   * @throws IOException when the file cannot be read
   */
  public TraceReport judge() throws IOException, CaptureFormatException, ManifestException {
    String damage = null;
    String format;
    List<CaptureNotice> notices;
    long noticeCount;
    try (CaptureReader in = stream == null ? CaptureReader.open(capture) : CaptureReader.open(capture, stream);
        JudgeShards judging = new JudgeShards(workers, captureName)) {
      shards = judging;
      format = in.format();
      try (DecodingReader records = new DecodingReader(in)) {
        for (DecodingReader.Batch b = records.next(); b != null; b = records.next()) {
          for (int i = 0; i < b.size; i++) {
            onRecord(b, i);
          }
          records.recycle(b);
        }
      } catch (CaptureFormatException e) {
        if (packets == 0) {
          throw e;
        }
        damage = e.getMessage() + "; judged up to packet " + packets;
      }
      notices = in.notices();
      noticeCount = in.noticeCount();
      flushStash(true);
      long end = firstTime == Long.MIN_VALUE ? 0 : lastTime;
      for (HostAction a : damage == null ? schedule.atEnd(packets) : List.<HostAction>of()) {
        fire(a, null, end);
      }
      table.retireAll();
      tally = judging.tally();
    }
    List<RuleResult> rules = results();
    return new TraceReport(capture, format, packets, tcpSegments, notTcp, headersCut, malformed, truncatedJudged,
        table.count(), table.maxLive(), targetKnown, actionsFrom(), damage, notices, noticeCount, rules,
        observations, expectations(rules));
  }


  /** Judges record {@code i} of {@code b}. */
  private void onRecord(DecodingReader.Batch b, int i) throws ManifestException {
    flushStash(false);
    long number = b.numbers[i];
    packets = number;
    if (firstTime == Long.MIN_VALUE) {
      firstTime = b.times[i];
    }
    long time = b.times[i] - firstTime;
    lastTime = time;
    TcpPacketDecoder.Outcome outcome = b.outcomes[i];
    if (outcome != TcpPacketDecoder.Outcome.TCP) {
      switch (outcome) {
        case NOT_TCP -> notTcp++;
        case HEADERS_CUT -> headersCut++;
        default -> malformed++;
      }
      fireDue(number, time, null);
      return;
    }
    tcpSegments++;
    if (b.truncated[i]) {
      truncatedJudged++;
    }
    long srcHigh = b.sourceHighs[i];
    long srcLow = b.sourceLows[i];
    long dstHigh = b.destinationHighs[i];
    long dstLow = b.destinationLows[i];
    int sp = b.sourcePorts[i];
    int dp = b.destinationPorts[i];
    // Retire what is due first: a four-tuple used again after its connection's linger is a new connection.
    table.expire(time);
    boolean fromA = FlowKey.sourceFirst(srcHigh, srcLow, sp, dstHigh, dstLow, dp);
    TraceConnection c = table.connectionOf(srcHigh, srcLow, sp, dstHigh, dstLow, dp, fromA, number);
    if (c.firstPacket == number) { // started by this segment
      c.explicitOffload = explicitlyOffloaded.contains(c.name);
    }
    if (c.targetIsA == null) {
      learnTarget(c, fromA, new IpAddress(srcHigh, srcLow), sp, new IpAddress(dstHigh, dstLow), dp, b.directions[i]);
    }
    List<String> comments = b.comments(i);
    if (annotated == null) {
      annotated = manifest == null || manifest.actions().isEmpty()
          ? comments.stream().anyMatch(CommentActions::isChimneyEvent) : Boolean.FALSE;
    }
    fireDue(number, time, c);
    Direction direction = c.targetIsA == null ? Direction.TO_PEER
        : fromA == c.targetIsA ? Direction.TO_PEER : Direction.TO_TARGET;
    // The monitors judge sequence space, never content: the captured bytes are not copied.
    TcpSegment segment = TcpSegment.ofLength(fromA ? c.a : c.b, fromA ? c.b : c.a, b.seqs[i], b.acks[i],
        b.flags[i], b.windows[i], TcpOptions.NONE, b.payloadLengths[i]);
    if (annotated) {
      c.explicitOffload = true;
      List<CommentActions.Parsed> commented = commentActions(comments, number, c);
      if (commented.stream().anyMatch(CommentActions.Parsed::fromTarget)) {
        stash = new Stash(c, fromA, number, time, direction, segment, commented);
        return;
      }
      for (CommentActions.Parsed p : commented) {
        fire(p.action(), c, time);
      }
    }
    onSegment(c, fromA, number, time, direction, segment);
  }

  /**
   * Plays a held-back packet with its comments' actions, in comment order, before it, as certify
   * wrote them; but on the capture's last packet, where certify also puts what came after it, the
   * target's upcalls that follow the last host call are played after it.
   */
  private void flushStash(boolean last) throws ManifestException {
    if (stash == null) {
      return;
    }
    Stash s = stash;
    stash = null;
    List<CommentActions.Parsed> all = s.commented();
    int before = all.size();
    if (last) {
      while (before > 0 && all.get(before - 1).fromTarget()) {
        before--;
      }
    }
    for (CommentActions.Parsed p : all.subList(0, before)) {
      fire(p.action(), s.c(), s.time());
    }
    onSegment(s.c(), s.fromA(), s.number(), s.time(), s.direction(), s.segment());
    for (CommentActions.Parsed p : all.subList(before, all.size())) {
      fire(p.action(), s.c(), s.time());
    }
  }

  private void learnTarget(TraceConnection c, boolean fromA, IpAddress src, int sp, IpAddress dst, int dp,
      int captureDirection) {
    if (manifest != null && manifest.target() != null) {
      if (manifest.target().matches(src, sp)) {
        c.targetIsA = fromA;
      } else if (manifest.target().matches(dst, dp)) {
        c.targetIsA = !fromA;
      }
    } else if (captureDirection == CaptureRecord.DIRECTION_OUTBOUND) {
      c.targetIsA = fromA;
    } else if (captureDirection == CaptureRecord.DIRECTION_INBOUND) {
      c.targetIsA = !fromA;
    }
    if (c.judged()) {
      targetKnown = true;
    }
  }

  private void fireDue(long number, long time, TraceConnection own) throws ManifestException {
    if (!schedule.anyDue(number, time)) {
      return;
    }
    List<HostAction> due = schedule.due(number, time);
    for (int i = 0; i < due.size(); i++) {
      fire(due.get(i), own, time);
    }
  }

  private void fire(HostAction a, TraceConnection own, long time) throws ManifestException {
    TraceConnection c = table.named(a.connection());
    if (c == null && own != null && own.name.equals(a.connection())) {
      c = own;
    }
    if (c == null) {
      throw new ManifestException(manifest == null ? capture : manifest.file(), ActionSchedule.lineOf(a),
          a.kind().yamlName() + " on " + a.connection() + ": no such connection is open at "
              + (a.timed() ? "that time" : "packet " + a.packet()) + " (" + a.source() + ")");
    }
    if (a.kind() == ActionKind.ABORTIVE_DISCONNECT) {
      c.abortiveRequested = true;
    }
    if (!c.judged()) {
      return;
    }
    List<Event> events = a.kind() == ActionKind.OFFLOAD ? hostEvents.offload(c, time) : hostEvents.of(a, c, time);
    for (Event e : events) {
      shards.event(c, e);
    }
  }

  private void onSegment(TraceConnection c, boolean fromA, long number, long time, Direction direction,
      TcpSegment s) {
    table.seen(c, time);
    observe(c, fromA, number, s);
    if (c.judged()) {
      if (!c.offloaded && !c.explicitOffload && !s.has(TcpFlag.SYN)) {
        for (Event e : hostEvents.offload(c, time)) {
          shards.event(c, e);
        }
      }
      boolean fromTarget = direction == Direction.TO_PEER;
      if (fromTarget && c.targetFinSent && s.has(TcpFlag.ACK) && c.targetAckAfterFin != null
          && SeqNum.gt(s.ack(), c.targetAckAfterFin)) {
        shards.event(c, hostEvents.delivery(c, SeqNum.distance(c.targetAckAfterFin, s.ack()), time));
        c.targetAckAfterFin = s.ack();
      }
      if (fromTarget && s.has(TcpFlag.FIN) && !c.targetFinSent) {
        c.targetFinSent = true;
        c.targetAckAfterFin = s.has(TcpFlag.ACK) ? Long.valueOf(s.ack()) : null;
      } else if (fromTarget && c.targetFinSent && c.targetAckAfterFin == null && s.has(TcpFlag.ACK)) {
        c.targetAckAfterFin = s.ack();
      }
      shards.packet(c, hostEvents.nextSeq(), time, number, direction, s);
    }
    updateWire(c, fromA, s);
    if (c.closed()) {
      table.closing(c);
    }
  }

  private static void updateWire(TraceConnection c, boolean fromA, TcpSegment s) {
    long end = s.seqEnd();
    if (fromA) {
      c.synA |= s.has(TcpFlag.SYN);
      c.seqEndA = SeqNum.highest(c.seqEndA, end);
      if (s.has(TcpFlag.ACK)) {
        c.ackA = SeqNum.highest(c.ackA, s.ack());
      }
    } else {
      c.synB |= s.has(TcpFlag.SYN);
      c.seqEndB = SeqNum.highest(c.seqEndB, end);
      if (s.has(TcpFlag.ACK)) {
        c.ackB = SeqNum.highest(c.ackB, s.ack());
      }
    }
  }

  private void observe(TraceConnection c, boolean fromA, long number, TcpSegment s) {
    if (c.rstPacket > 0) {
      if (c.segmentsAfterRst++ == 0) {
        c.firstSegmentAfterRst = number;
      }
    }
    if (s.has(TcpFlag.RST)) {
      observations.rst(new Observations.Rst(number, c.name, c.text(fromA), c.abortiveRequested));
      if (c.rstPacket == 0) {
        c.rstPacket = number;
      }
    }
    long dataEnd = SeqNum.add(s.seq(), s.payloadLength());
    Long finSeq = fromA ? c.finSeqA : c.finSeqB;
    if (finSeq != null && s.payloadLength() > 0 && SeqNum.gt(dataEnd, finSeq)
        && !(fromA ? c.earlyFinReportedA : c.earlyFinReportedB)) {
      observations.earlyFin(new Observations.EarlyFin(fromA ? c.finPacketA : c.finPacketB, number, c.name,
          c.text(fromA), finSeq, dataEnd));
      if (fromA) {
        c.earlyFinReportedA = true;
      } else {
        c.earlyFinReportedB = true;
      }
    }
    if (s.has(TcpFlag.FIN) && finSeq == null) {
      if (fromA) {
        c.finA = true;
        c.finSeqA = dataEnd;
        c.finPacketA = number;
      } else {
        c.finB = true;
        c.finSeqB = dataEnd;
        c.finPacketB = number;
      }
    }
  }

  private void retire(TraceConnection c) {
    if (c.judged()) {
      shards.finish(c);
    }
    hostEvents.forget(c.name);
    if (c.segmentsAfterRst > 0) {
      observations.afterRst(new Observations.AfterRst(c.name, c.rstPacket, c.firstSegmentAfterRst, c.segmentsAfterRst));
    }
  }

  private String actionsFrom() {
    if (manifest != null && !manifest.actions().isEmpty()) {
      return "manifest";
    }
    return Boolean.TRUE.equals(annotated) ? "comments" : "none";
  }

  private List<RuleResult> results() {
    List<RuleResult> out = new ArrayList<>();
    for (Rule rule : catalogue.rules()) {
      if (!OFFLINE_RULES.contains(rule.id())) {
        out.add(new RuleResult(rule, Verdict.NOT_APPLICABLE, 0, List.of(), rule.seenOn().contains("wire")
            ? "needs host events a capture does not record; check-trace judges " + String.join(", ", OFFLINE_RULES)
            : "seen on the API only: a capture cannot show it"));
      } else if (!targetKnown) {
        out.add(new RuleResult(rule, Verdict.NOT_EXERCISED, 0, List.of(),
            "the offload target's side is unknown: give a manifest with 'target:' (the capture has no direction flags)"));
      } else {
        out.add(tally.result(rule, "no connection exercised it (it needs " + NEEDS.get(rule.id()) + "; "
            + table.count() + " connection(s), host actions from " + actionsFrom() + ")"));
      }
    }
    return out;
  }

  private List<TraceReport.Expectation> expectations(List<RuleResult> rules) {
    List<TraceReport.Expectation> out = new ArrayList<>();
    if (manifest == null) {
      return out;
    }
    manifest.expect().forEach((id, expected) -> {
      Verdict actual = rules.stream().filter(r -> r.rule().id().equals(id)).findFirst().map(RuleResult::verdict).orElse(null);
      out.add(new TraceReport.Expectation(id, expected, actual, manifest.expectLines().getOrDefault(id, 0)));
    });
    return out;
  }
}
