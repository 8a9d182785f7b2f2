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
 * comparable. A segment on one side only is a difference of field "segment". Stateless.
 */
public final class SegmentComparison {
  private SegmentComparison() {}

  /** The differences, in recorded order, then the live segments beyond the recording. */
  public static List<Difference> compare(RecordedTrace trace, ReplayDriver.LiveRun live) {
    List<RecordedPacket> recorded = trace.targetSegments();
    List<TcpSegment> actual = live.targetSegments();
    boolean window = trace.manifest().compareWindow();
    List<Difference> out = new ArrayList<>();
    for (int i = 0; i < Math.max(recorded.size(), actual.size()); i++) {
      RecordedPacket r = i < recorded.size() ? recorded.get(i) : null;
      TcpSegment a = i < actual.size() ? actual.get(i) : null;
      if (a == null) {
        out.add(new Difference(r.number(), 0, "segment", describe(trace, r), "none (the target sent "
            + actual.size() + " after the handshake)"));
        continue;
      }
      long aSeq = relative(a.seq(), live.targetIsn());
      long aAck = relative(a.ack(), live.peerIsn());
      if (r == null) {
        out.add(new Difference(0, i + 1, "segment", "none (the recording has " + recorded.size() + ")",
            summary(a.flags(), aSeq, a.has(TcpFlag.ACK) ? aAck : -1, a.payloadLength())));
        continue;
      }
      add(out, r, i, "flags", TcpFlag.describe(r.flags()), TcpFlag.describe(a.flags()));
      add(out, r, i, "seq", Long.toString(relative(r.seq(), trace.targetIsn())), Long.toString(aSeq));
      if (r.has(TcpFlag.ACK) && a.has(TcpFlag.ACK)) {
        add(out, r, i, "ack", Long.toString(relative(r.ack(), trace.peerIsn())), Long.toString(aAck));
      }
      add(out, r, i, "len", Integer.toString(r.payloadLength()), Integer.toString(a.payloadLength()));
      if (window) {
        add(out, r, i, "window", Integer.toString(r.window()), Integer.toString(a.window()));
      }
    }
    return out;
  }

  /** What the comparison leaves out, with the reason and the figures of this run. */
  public static List<AllowedDifference> allowed(RecordedTrace trace, ReplayDriver.LiveRun live, Timing timing) {
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
      out.add(new AllowedDifference("other connections", trace.otherConnections() + " further connection(s) in the"
          + " capture are not replayed: replay drives the first one"));
    }
    return out;
  }

  private static void add(List<Difference> out, RecordedPacket r, int i, String field, String expected, String actual) {
    if (!expected.equals(actual)) {
      out.add(new Difference(r.number(), i + 1, field, expected, actual));
    }
  }

  private static String describe(RecordedTrace trace, RecordedPacket r) {
    return summary(r.flags(), relative(r.seq(), trace.targetIsn()),
        r.has(TcpFlag.ACK) ? relative(r.ack(), trace.peerIsn()) : -1, r.payloadLength());
  }

  /** "RST|ACK seq 501 ack 1 len 0"; the ack only with ACK ({@code ack} -1 without). */
  private static String summary(int flags, long seq, long ack, int length) {
    return TcpFlag.describe(flags) + " seq " + seq + (ack < 0 ? "" : " ack " + ack) + " len " + length;
  }

  /** {@code seq} after {@code isn}, in [0, 2^32). */
  static long relative(long seq, long isn) {
    return SeqNum.distance(isn, seq);
  }
}
