package dev.chimney.peer;

import dev.chimney.host.VirtualClock;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.SimulatedLink;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A scripted peer on a simulated link, with the target's side driven by hand from the test: what
 * the test sends goes through the real codec and link, and what the peer sends is decoded into
 * {@link #atTarget}.
 */
final class PeerBench {
  static final Endpoint TARGET = endpoint("192.0.2.10", 40000);
  static final Endpoint PEER = endpoint("198.51.100.20", 80);
  static final long TARGET_ISN = 0xFFFF_FF00L;
  static final int TARGET_MSS = 1000;
  static final int TARGET_WINDOW = 65_535;
  static final int IP_ID = 7;
  /** Long enough for any packet to cross the link and be answered, far shorter than the peer's RTO. */
  static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  final VirtualClock clock = new VirtualClock();
  final SimulatedLink link = new SimulatedLink(clock);
  final ScriptedPeer peer = new ScriptedPeer(clock, link.peerPort());
  private final List<TcpSegment> atTarget = new ArrayList<>();

  PeerBench() {
    link.attachPeer(peer::receive);
    link.attachTarget(bytes -> atTarget.add(decode(bytes)));
  }

  /** Sends a segment from the target to the peer and lets the link and the peer run. */
  void fromTarget(long seq, long ack, int flags, int window, TcpOptions options, byte[] payload) {
    fromTarget(new TcpSegment(TARGET, PEER, seq, ack, flags, window, options, payload));
  }

  /** Sends {@code segment} as it is to the peer and lets the link and the peer run. */
  void fromTarget(TcpSegment segment) {
    link.targetPort().transmit(SegmentCodec.encode(segment, IP_ID, 64));
    settle();
  }

  /** The target's data (ACK|PSH, its full window) at sequence offset {@code offset} after its SYN. */
  void dataFromTarget(PeerConnection c, int offset, String text) {
    fromTarget(TARGET_ISN + 1 + offset, c.sndNxt(), TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH), TARGET_WINDOW,
        TcpOptions.NONE, bytes(text));
  }

  /** A pure ACK from the target with {@code window} (already scaled down by the target). */
  void ackFromTarget(PeerConnection c, long ack, int window) {
    fromTarget(c.rcvNxt(), ack, TcpFlag.ACK.bit(), window, TcpOptions.NONE, new byte[0]);
  }

  /** Listens, has the target connect without window scaling, and returns the established connection. */
  PeerConnection established() {
    return established(new TcpOptions(TARGET_MSS, -1));
  }

  /** Listens, has the target connect offering {@code options}, and returns the established connection. */
  PeerConnection established(TcpOptions options) {
    return connect(peer.listen(PEER), options);
  }

  /** Has the target connect to {@code listening}, offering {@code options}; returns it established. */
  PeerConnection connect(PeerConnection c, TcpOptions options) {
    fromTarget(TARGET_ISN, 0, TcpFlag.SYN.bit(), TARGET_WINDOW, options, new byte[0]);
    TcpSegment synAck = takeAtTarget().get(0);
    fromTarget(TARGET_ISN + 1, synAck.seq() + 1, TcpFlag.ACK.bit(), TARGET_WINDOW, TcpOptions.NONE, new byte[0]);
    return c;
  }

  /** Lets the link and the peer run for {@link #SETTLE_NANOS}. */
  void settle() {
    clock.runFor(SETTLE_NANOS);
  }

  /** What reached the target since the last call, in order. */
  List<TcpSegment> takeAtTarget() {
    List<TcpSegment> taken = List.copyOf(atTarget);
    atTarget.clear();
    return taken;
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** "FLAGS seq ack len" of each segment, relative to the ISNs, for readable wire assertions. */
  static List<String> summary(PeerConnection c, List<TcpSegment> segments) {
    List<String> lines = new ArrayList<>();
    for (TcpSegment s : segments) {
      lines.add(TcpFlag.describe(s.flags()) + " " + SeqNum.diff(s.seq(), c.iss()) + " "
          + SeqNum.diff(s.ack(), c.irs()) + " " + s.payloadLength());
    }
    return lines;
  }

  private static TcpSegment decode(byte[] bytes) {
    try {
      return SegmentCodec.decode(bytes);
    } catch (MalformedPacketException e) {
      throw new IllegalStateException("the peer sent an undecodable packet: " + e.getMessage(), e);
    }
  }

  static Endpoint endpoint(String address, int port) {
    try {
      return new Endpoint((Inet4Address) InetAddress.getByName(address), port);
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e);
    }
  }
}
