package dev.chimney.replay;

import dev.chimney.trace.ActionKind;
import dev.chimney.trace.HostAction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares the target's live segments after the handshake with its recorded ones, in order, field
 * by field: flags, sequence number relative to the target's ISN, acknowledgment number relative
 * to the peer's (when either has ACK), payload length, and the window when the manifest declares it
 * comparable. A segment on one side only is a difference of field "segment".
 *
 * <p>The same bytes cut into other segments are not a difference: a capture made with segmentation
 * offload holds one 3000-byte segment where the wire, and a live target, carry MSS-sized ones (and
 * a live kernel target behind TSO does the reverse). Where a recorded and a live data segment start
 * at the same sequence number with other lengths, each side's following data segments are joined,
 * as long as they continue the bytes with the same acknowledgment and no FIN before the last, until
 * both sides end at the same byte; the joined runs are then compared as one segment (their flags
 * together, the window of their last) and the re-cutting is listed as an allowed difference. When the
 * ends never meet (the target sent other bytes), the segments are compared one by one, as before.
 * Stateless.
 */
public final class SegmentComparison {
  private static final int NOT_CUTTABLE = TcpFlag.SYN.bit() | TcpFlag.RST.bit();

  private SegmentComparison() {}

  /**
   * The comparison of {@code live} with {@code trace}.
   *
   * @param differences those that count, in recorded order, then the live segments beyond the recording
   * @param allowed what the comparison leaves out, with the reason and the figures of this run
   */
  public record Result(List<Difference> differences, List<AllowedDifference> allowed) {
    public Result {
      differences = List.copyOf(differences);
      allowed = List.copyOf(allowed);
    }
  }

  /** Compares the target's live segments with its recorded ones. */
  public static Result compare(RecordedTrace trace, ReplayDriver.LiveRun live, Timing timing) {
    List<Pair> pairs = align(trace, live);
    return new Result(differences(trace, live, pairs), allowed(trace, live, timing, pairs));
  }

  private static List<Difference> differences(RecordedTrace trace, ReplayDriver.LiveRun live, List<Pair> pairs) {
    boolean window = trace.manifest().compareWindow();
    List<Difference> out = new ArrayList<>();
    int recordedCount = trace.targetSegments().size();
    int liveCount = live.targetSegments().size();
    for (Pair p : pairs) {
      if (p.live() == null) {
        out.add(new Difference(p.recorded().packet(), 0, "segment", p.recorded().summary(), "none (the target sent "
            + liveCount + " after the handshake)"));
      } else if (p.recorded() == null) {
        out.add(new Difference(0, p.live().index(), "segment", "none (the recording has " + recordedCount + ")",
            p.live().summary()));
      } else {
        Run r = p.recorded();
        Run a = p.live();
        add(out, p, "flags", TcpFlag.describe(r.flags()), TcpFlag.describe(a.flags()));
        add(out, p, "seq", Long.toString(r.seq()), Long.toString(a.seq()));
        if (r.hasAck() && a.hasAck()) {
          add(out, p, "ack", Long.toString(r.ack()), Long.toString(a.ack()));
        }
        add(out, p, "len", Integer.toString(r.length()), Integer.toString(a.length()));
        if (window) {
          add(out, p, "window", Integer.toString(r.window()), Integer.toString(a.window()));
        }
      }
    }
    return out;
  }

  private static List<AllowedDifference> allowed(RecordedTrace trace, ReplayDriver.LiveRun live, Timing timing,
      List<Pair> pairs) {
    List<AllowedDifference> out = new ArrayList<>();
    out.add(new AllowedDifference("ISN", "each side's initial sequence number is chosen afresh (target recorded "
        + trace.targetIsn() + ", live " + live.targetIsn() + "; peer recorded " + trace.peerIsn() + ", live "
        + live.peerIsn() + "): seq and ack are compared relative to them"));
    String handshake = trace.packets().stream().filter(RecordedPacket::handshake)
        .map(p -> Long.toString(p.number())).collect(Collectors.joining(", "));
    if (!handshake.isEmpty()) {
      out.add(new AllowedDifference("handshake", "packets " + handshake + " are not replayed: the host stack makes the"
          + " connection live (actively, as in certify) and offloads it, so the options (MSS, window scale) are the live ones"));
    }
    out.add(new AllowedDifference("timestamps", timing == Timing.fast
        ? "--timing fast: each peer segment goes as soon as the target's answers before it have come"
        : "--timing recorded: the peer's segments keep their recorded spacing; the target's own timing is judged by"
            + " the rules, not compared"));
    if (!trace.manifest().compareWindow()) {
      out.add(new AllowedDifference("window", "the window follows the target's buffers; the manifest does not"
          + " declare it comparable (compare-window: true)"));
    }
    for (Pair p : pairs) {
      if (p.recorded() != null && p.live() != null && (p.recorded().count() > 1 || p.live().count() > 1)) {
        out.add(new AllowedDifference("segmentation", p.recorded().where() + " went live as " + p.live().where()
            + ": the same bytes cut otherwise (segmentation offload where the capture was made, or another MSS);"
            + " compared as one segment"));
      }
    }
    out.add(new AllowedDifference("after the recording", "the peer acknowledges what it took, once, as a live peer"
        + " would, so that a request pending at the end can complete (a graceful disconnect waits for the ACK of its"
        + " FIN); what the target sends after that is compared as beyond the recording"));
    out.add(new AllowedDifference("payload bytes", "the replay sends zeros of the recorded lengths; content is not"
        + " compared, lengths are"));
    List<String> upcalls = new ArrayList<>();
    for (HostAction a : trace.actions()) {
      if (a.kind() == ActionKind.SEND_COMPLETE || a.kind() == ActionKind.DISCONNECT_COMPLETE) {
        upcalls.add(a.kind().yamlName() + " (" + a.source() + ")");
      }
    }
    if (!upcalls.isEmpty()) {
      out.add(new AllowedDifference("target upcalls", String.join(", ", upcalls) + ": the target's own answers, not"
          + " issued by the replay; the monitors judge the live ones"));
    }
    if (trace.otherConnections() > 0) {
      out.add(new AllowedDifference("other connections", trace.otherConnections() + " other connection(s) in the"
          + " capture are not replayed: replay drives one, " + trace.connection() + " (--connection names another)"));
    }
    return out;
  }

  /** Pairs the recorded and live segments, in order, joining re-cut runs; a side is null past its end. */
  private static List<Pair> align(RecordedTrace trace, ReplayDriver.LiveRun live) {
    List<Seg> recorded = new ArrayList<>();
    for (RecordedPacket r : trace.targetSegments()) {
      recorded.add(new Seg(r.number(), SeqNum.distance(trace.targetIsn(), r.seq()),
          SeqNum.distance(trace.peerIsn(), r.ack()), r.flags(), r.payloadLength(), r.window()));
    }
    List<Seg> actual = new ArrayList<>();
    List<TcpSegment> liveSegments = live.targetSegments();
    for (int k = 0; k < liveSegments.size(); k++) {
      TcpSegment a = liveSegments.get(k);
      actual.add(new Seg(k + 1, SeqNum.distance(live.targetIsn(), a.seq()),
          SeqNum.distance(live.peerIsn(), a.ack()), a.flags(), a.payloadLength(), a.window()));
    }
    List<Pair> pairs = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < recorded.size() || j < actual.size()) {
      int[] ends = i < recorded.size() && j < actual.size() ? recut(recorded, i, actual, j) : null;
      int endR = ends == null ? Math.min(i + 1, recorded.size()) : ends[0];
      int endA = ends == null ? Math.min(j + 1, actual.size()) : ends[1];
      pairs.add(new Pair(Run.of(recorded, i, endR, true), Run.of(actual, j, endA, false)));
      i = Math.max(endR, i + 1);
      j = Math.max(endA, j + 1);
    }
    return pairs;
  }

  /**
   * The ends (exclusive) of the runs from {@code i} and {@code j} that carry the same bytes cut
   * otherwise, or null when these two segments do not start such runs.
   */
  private static int[] recut(List<Seg> recorded, int i, List<Seg> actual, int j) {
    Seg r = recorded.get(i);
    Seg a = actual.get(j);
    if (r.seq() != a.seq() || r.length() == a.length() || !cuttable(r) || !cuttable(a)) {
      return null;
    }
    int endR = i + 1;
    int endA = j + 1;
    long bytesR = r.length();
    long bytesA = a.length();
    while (bytesR != bytesA) {
      if (bytesR < bytesA) {
        if (!continues(recorded, endR)) {
          return null;
        }
        bytesR += recorded.get(endR++).length();
      } else {
        if (!continues(actual, endA)) {
          return null;
        }
        bytesA += actual.get(endA++).length();
      }
    }
    return new int[] {endR, endA};
  }

  /** True when segment {@code k} exists and carries on the bytes of the one before it. */
  private static boolean continues(List<Seg> segs, int k) {
    if (k >= segs.size()) {
      return false;
    }
    Seg before = segs.get(k - 1);
    Seg next = segs.get(k);
    return cuttable(next) && !before.has(TcpFlag.FIN) && next.ack() == before.ack()
        && next.hasAck() == before.hasAck() && next.seq() == SeqNum.add(before.seq(), before.length());
  }

  private static boolean cuttable(Seg s) {
    return s.length() > 0 && (s.flags() & NOT_CUTTABLE) == 0;
  }

  private static void add(List<Difference> out, Pair p, String field, String expected, String actual) {
    if (!expected.equals(actual)) {
      out.add(new Difference(p.recorded().packet(), p.live().index(), field, expected, actual));
    }
  }

  /** A segment, relative to its side's ISNs; {@code id} is its packet number, or its live index from 1. */
  private record Seg(long id, long seq, long ack, int flags, int length, int window) {
    boolean has(TcpFlag flag) {
      return (flags & flag.bit()) != 0;
    }

    boolean hasAck() {
      return has(TcpFlag.ACK);
    }
  }

  /**
   * Consecutive segments of one side compared as one: the first's seq and ack, the flags of all,
   * the lengths summed, the last's window. One segment is a run of one.
   *
   * @param firstId the first segment's packet number (recorded side) or live index from 1
   * @param lastId the last one's, likewise
   */
  private record Run(boolean recordedSide, int count, long firstId, long lastId, long seq, long ack, int flags,
      int length, int window) {
    static Run of(List<Seg> segs, int from, int to, boolean recordedSide) {
      if (from >= to) {
        return null;
      }
      int flags = 0;
      int length = 0;
      for (Seg s : segs.subList(from, to)) {
        flags |= s.flags();
        length += s.length();
      }
      Seg first = segs.get(from);
      Seg last = segs.get(to - 1);
      return new Run(recordedSide, to - from, first.id(), last.id(), first.seq(), first.ack(), flags, length,
          last.window());
    }

    /** The recorded packet number, for a {@link Difference}; 0 on the live side. */
    long packet() {
      return recordedSide ? firstId : 0;
    }

    /** The live index, for a {@link Difference}; 0 on the recorded side. */
    int index() {
      return recordedSide ? 0 : (int) firstId;
    }

    boolean hasAck() {
      return (flags & TcpFlag.ACK.bit()) != 0;
    }

    /** "RST|ACK seq 501 ack 1 len 0"; the ack only with ACK. */
    String summary() {
      return TcpFlag.describe(flags) + " seq " + seq + (hasAck() ? " ack " + ack : "") + " len " + length;
    }

    /** "packet 4 (3000 bytes)", "segments 1 to 3 (3000 bytes)". */
    String where() {
      String what = recordedSide ? "packet" : "segment";
      return count == 1 ? what + " " + firstId + " (" + length + " bytes)"
          : what + "s " + firstId + " to " + lastId + " (" + length + " bytes)";
    }
  }

  /** A recorded run and the live run compared with it; either is null past its side's end. */
  private record Pair(Run recorded, Run live) {}
}
