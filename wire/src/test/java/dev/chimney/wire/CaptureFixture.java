package dev.chimney.wire;

import static dev.chimney.wire.Segments.PEER;
import static dev.chimney.wire.Segments.TARGET;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A short handshake-and-data exchange played over a {@link SimulatedLink}, with annotations: the
 * capture the pcapng tests write and read back. Captured at the target's port with the default
 * 50 µs delay: the target's SYN at 0, the peer's SYN-ACK when it arrives at 100 µs (sent at 50 µs,
 * when the SYN reached the peer), the target's data 1 ns later.
 */
final class CaptureFixture {
  static final String STEP_COMMENT = "step: the peer answers, with a comma";
  static final String API_COMMENT = "api: TcpOffloadSend #1";
  static final String NON_ASCII_COMMENT = "note: naïve ✓";

  private CaptureFixture() {}

  /** Plays the exchange on a fresh link and clock and returns the capture. */
  static List<CapturedPacket> play() {
    TestClock clock = new TestClock();
    SimulatedLink link = new SimulatedLink(clock);
    link.attachPeer(bytes -> { });
    link.attachTarget(bytes -> { });

    link.targetPort().transmit(SegmentCodec.encode(new TcpSegment(TARGET, PEER, 1000, 0,
        TcpFlag.mask(TcpFlag.SYN), 65535, new TcpOptions(1460, 7), new byte[0]), 1, 64));
    clock.runAll();
    link.annotate(STEP_COMMENT);
    link.annotate(API_COMMENT);
    link.peerPort().transmit(SegmentCodec.encode(new TcpSegment(PEER, TARGET, 5000, 1001,
        TcpFlag.mask(TcpFlag.SYN, TcpFlag.ACK), 65535, new TcpOptions(1400, 2), new byte[0]), 1, 64));
    clock.runAll();
    clock.advance(1);
    link.annotate(NON_ASCII_COMMENT);
    link.targetPort().transmit(SegmentCodec.encode(new TcpSegment(TARGET, PEER, 1001, 5001,
        TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH), 512, TcpOptions.NONE,
        "hello".getBytes(StandardCharsets.US_ASCII)), 2, 64));
    clock.runAll();
    return link.packets();
  }
}
