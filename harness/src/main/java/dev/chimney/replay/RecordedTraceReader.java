package dev.chimney.replay;

import dev.chimney.trace.ActionKind;
import dev.chimney.trace.CommentActions;
import dev.chimney.trace.ConnectionNames;
import dev.chimney.trace.HostAction;
import dev.chimney.trace.ManifestException;
import dev.chimney.trace.TraceManifest;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.capture.CaptureFormatException;
import dev.chimney.wire.capture.CaptureReader;
import dev.chimney.wire.capture.CaptureRecord;
import dev.chimney.wire.capture.TcpPacketDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a manifest's capture for {@link ReplayDriver}: one TCP connection's segments (replay drives
 * one connection, by default the first; named as check-trace names them), which side sent each (the
 * manifest's {@code target:}, else the pcapng direction flags chimney writes), and the host actions
 * on it (the manifest's, else those in chimney's packet comments). Unlike {@code check-trace}, it
 * holds the connection in memory: a replayed trace is one short conversation. Stateless; any thread.
 */
public final class RecordedTraceReader {
  /** The connection replayed unless another is named: check-trace's name for the first in a capture. */
  public static final String FIRST_CONNECTION = "TCP1";

  private RecordedTraceReader() {}

  /** One packet before the handshake is classified. */
  private record Raw(long number, long offsetNanos, boolean fromTarget, long seq, long ack, int flags, int window,
      int payloadLength) {}

  /**
   * Reads connection {@code connection} ("TCP2", as check-trace names it) of {@code manifest}'s capture.
   *
   * @throws ReplayInputException when it holds no such connection, or nothing says which side is the target
   * @throws ManifestException when an action lies past the end of the capture
   * @throws CaptureFormatException when the capture cannot be read at all
   * @throws IOException when the file cannot be read
   */
  public static RecordedTrace read(TraceManifest manifest, String connection)
      throws IOException, CaptureFormatException, ManifestException, ReplayInputException {
    List<Raw> raws = new ArrayList<>();
    List<HostAction> commented = new ArrayList<>();
    ConnectionNames names = new ConnectionNames();
    long first = Long.MIN_VALUE;
    long last = 0;
    List<long[]> packetTimes = new ArrayList<>();
    TcpPacketDecoder decoder = new TcpPacketDecoder();
    try (CaptureReader in = CaptureReader.open(manifest.capture())) {
      for (CaptureRecord r = in.next(); r != null; r = in.next()) {
        last = r.number();
        if (first == Long.MIN_VALUE) {
          first = r.timestampNanos();
        }
        packetTimes.add(new long[] {r.number(), r.timestampNanos() - first});
        if (decoder.decode(r) != TcpPacketDecoder.Outcome.TCP) {
          continue;
        }
        if (!names.name(decoder, r.number(), r.timestampNanos() - first).equals(connection)) {
          continue;
        }
        boolean fromTarget = fromTarget(manifest, decoder, r);
        raws.add(new Raw(r.number(), r.timestampNanos() - first, fromTarget, decoder.seq(), decoder.ack(),
            decoder.flags(), decoder.window(), decoder.payloadLength()));
        if (manifest.actions().isEmpty()) {
          for (String comment : r.comments()) {
            for (CommentActions.Parsed p : CommentActions.parse(comment, r.number(), connection)) {
              commented.add(p.action());
            }
          }
        }
      }
    }
    if (raws.isEmpty()) {
      long count = names.count();
      throw new ReplayInputException(manifest.capture() + ": no connection " + connection + " to replay (the capture"
          + " has " + (count == 0 ? "no TCP connection" : count == 1 ? "one, TCP1" : count + ", TCP1 to TCP" + count)
          + ")");
    }
    List<HostAction> actions = manifest.actions().isEmpty() ? commented : placed(manifest, packetTimes, last);
    List<RecordedPacket> packets = classify(raws);
    return new RecordedTrace(manifest, packets, actions.stream()
        .filter(a -> a.connection().equals(connection)).toList(),
        isn(packets, true), isn(packets, false), connection, (int) names.count() - 1, last);
  }

  private static boolean fromTarget(TraceManifest manifest, TcpPacketDecoder d, CaptureRecord r)
      throws ReplayInputException {
    if (manifest.target() != null) {
      return manifest.target().matches(d.sourceHigh(), d.sourceLow(), d.sourcePort());
    }
    if (r.direction() == CaptureRecord.DIRECTION_UNKNOWN) {
      throw new ReplayInputException(manifest.file() + ": no 'target:' and packet " + r.number()
          + " of " + manifest.capture().getFileName() + " has no direction flag: which side is the target is unknown");
    }
    return r.direction() == CaptureRecord.DIRECTION_OUTBOUND;
  }

  /** The manifest's actions, each timed one placed before the first packet captured at or after its time. */
  private static List<HostAction> placed(TraceManifest manifest, List<long[]> packetTimes, long last)
      throws ManifestException {
    List<HostAction> out = new ArrayList<>();
    for (HostAction a : manifest.actions()) {
      long packet = a.packet();
      if (a.timed()) {
        packet = last + 1;
        for (long[] t : packetTimes) {
          if (t[1] >= a.offsetNanos()) {
            packet = t[0];
            break;
          }
        }
      } else if (packet > last + 1) {
        throw new ManifestException(manifest.file(), lineOf(a), "packet " + packet
            + " is past the end of the capture (" + last + " packets; " + (last + 1) + " means after the last)");
      }
      out.add(new HostAction(a.source(), a.kind(), packet, -1, a.connection(), a.bytes(), a.ids(), a.status(),
          a.delegated()));
    }
    out.sort((x, y) -> Long.compare(x.packet(), y.packet()));
    return out;
  }

  private static int lineOf(HostAction a) {
    String digits = a.source().substring(a.source().lastIndexOf(':') + 1);
    return digits.matches("\\d{1,9}") ? Integer.parseInt(digits) : 0;
  }

  /** Marks the handshake: every SYN, and the first pure ACK after the SYN-ACK that acknowledges it. */
  private static List<RecordedPacket> classify(List<Raw> raws) {
    List<RecordedPacket> out = new ArrayList<>();
    Raw synAck = null;
    boolean completed = false;
    for (Raw r : raws) {
      boolean syn = (r.flags() & TcpFlag.SYN.bit()) != 0;
      boolean handshake = syn;
      if (syn && (r.flags() & TcpFlag.ACK.bit()) != 0) {
        synAck = r;
      } else if (!syn && !completed && synAck != null && r.fromTarget() != synAck.fromTarget()
          && r.payloadLength() == 0 && r.flags() == TcpFlag.ACK.bit() && r.ack() == SeqNum.add(synAck.seq(), 1)) {
        handshake = true;
        completed = true;
      }
      out.add(new RecordedPacket(r.number(), r.offsetNanos(), r.fromTarget(), r.seq(), r.ack(), r.flags(),
          r.window(), r.payloadLength(), handshake));
    }
    return out;
  }

  /** A side's ISN: its SYN's sequence number, or one before its first segment (a capture begun later). */
  private static long isn(List<RecordedPacket> packets, boolean target) {
    for (RecordedPacket p : packets) {
      if (p.fromTarget() == target && p.has(TcpFlag.SYN)) {
        return p.seq();
      }
    }
    for (RecordedPacket p : packets) {
      if (p.fromTarget() == target) {
        return SeqNum.add(p.seq(), -1);
      }
    }
    // A side that never sent: its ISN is what the other side acknowledged, less one.
    for (RecordedPacket p : packets) {
      if (p.fromTarget() != target && p.has(TcpFlag.ACK)) {
        return SeqNum.add(p.ack(), -1);
      }
    }
    return 0;
  }
}
