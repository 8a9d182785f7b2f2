package dev.chimney.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.trace.TraceManifest;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The comparison of recorded and live target segments, on hand-made ones: the same bytes cut
 * otherwise are joined and listed as allowed, other bytes are compared one by one.
 */
class SegmentComparisonTest {
  private static final long TARGET_ISN = 1_000;
  private static final long PEER_ISN = 4_294_967_000L;
  private static final long LIVE_TARGET_ISN = 77_777;
  private static final long LIVE_PEER_ISN = 5;
  private static final int ACK = TcpFlag.ACK.bit();
  private static final int PSH_ACK = TcpFlag.PSH.bit() | ACK;
  private static final int FIN_ACK = TcpFlag.FIN.bit() | ACK;
  private static final Endpoint TARGET = endpoint("192.0.2.1", 80);
  private static final Endpoint PEER = endpoint("198.51.100.1", 40000);

  private final List<RecordedPacket> recorded = new ArrayList<>();
  private final List<TcpSegment> live = new ArrayList<>();

  @Test
  void oneRecordedSegmentSentLiveInMssSizedOnesIsNoDifference() {
    record(4, 1, PSH_ACK, 3000);
    record(6, 3001, FIN_ACK, 0);
    live(1, ACK, 1460);
    live(1461, ACK, 1460);
    live(2921, PSH_ACK, 80);
    live(3001, FIN_ACK, 0);

    assertThat(differences()).isEmpty();
    assertThat(allowed()).contains("segmentation: packet 4 (3000 bytes) went live as segments 1 to 3 (3000 bytes):"
        + " the same bytes cut otherwise (segmentation offload where the capture was made, or another MSS);"
        + " compared as one segment");
  }

  @Test
  void recordedSegmentsSentLiveAsOneAreJoinedToo() {
    record(4, 1, ACK, 1000);
    record(5, 1001, ACK, 1000);
    record(6, 2001, PSH_ACK, 500);
    live(1, ACK, 1500);
    live(1501, PSH_ACK, 1000);

    assertThat(differences()).isEmpty();
    assertThat(allowed()).anyMatch(a -> a.startsWith("segmentation: packets 4 to 6 (2500 bytes) went live as"
        + " segments 1 to 2 (2500 bytes)"));
  }

  @Test
  void joinedRunsStillHaveTheirFlagsCompared() {
    record(4, 1, FIN_ACK | TcpFlag.PSH.bit(), 3000);
    live(1, ACK, 1460);
    live(1461, PSH_ACK, 1540);

    assertThat(differences()).containsExactly("packet 4 flags: expected FIN|PSH|ACK, actual PSH|ACK");
  }

  @Test
  void otherBytesAreComparedSegmentBySegment() {
    // The recorded target dropped 1000 bytes before its FIN: the ends never meet.
    record(4, 1, PSH_ACK, 2000);
    record(5, 2001, FIN_ACK, 0);
    live(1, ACK, 1460);
    live(1461, ACK, 1460);
    live(2921, PSH_ACK, 80);

    assertThat(differences()).containsExactly("packet 4 flags: expected PSH|ACK, actual ACK",
        "packet 4 len: expected 2000, actual 1460", "packet 5 flags: expected FIN|ACK, actual ACK",
        "packet 5 seq: expected 2001, actual 1461", "packet 5 len: expected 0, actual 1460",
        "live segment 3 segment: expected none (the recording has 2), actual PSH|ACK seq 2921 ack 1 len 80");
    assertThat(allowed()).noneMatch(a -> a.startsWith("segmentation"));
  }

  @Test
  void aSegmentThatAcknowledgesMoreEndsTheRun() {
    // The second live segment acknowledges peer data the first did not: not one segment cut in two.
    record(4, 1, PSH_ACK, 3000);
    live(1, ACK, 1460);
    live.add(TcpSegment.ofLength(TARGET, PEER, LIVE_TARGET_ISN + 1461, LIVE_PEER_ISN + 101, PSH_ACK, 65535,
        TcpOptions.NONE, 1540));

    assertThat(differences()).containsExactly("packet 4 flags: expected PSH|ACK, actual ACK",
        "packet 4 len: expected 3000, actual 1460",
        "live segment 2 segment: expected none (the recording has 1), actual PSH|ACK seq 1461 ack 101 len 1540");
  }

  @Test
  void aFinEndsTheRun() {
    record(4, 1, PSH_ACK, 3000);
    live(1, FIN_ACK, 1460);
    live(1461, PSH_ACK, 1540);

    assertThat(differences()).startsWith("packet 4 flags: expected PSH|ACK, actual FIN|ACK");
  }

  private List<String> differences() {
    return SegmentComparison.compare(trace(), liveRun(), Timing.fast).differences().stream().map(Difference::message)
        .toList();
  }

  private List<String> allowed() {
    return SegmentComparison.compare(trace(), liveRun(), Timing.fast).allowed().stream()
        .map(a -> a.what() + ": " + a.reason()).toList();
  }

  /** A target segment at {@code seq} relative to the recorded ISN, acknowledging the peer's first byte. */
  private void record(long number, long seq, int flags, int length) {
    recorded.add(new RecordedPacket(number, number * 1_000, true, (TARGET_ISN + seq) & 0xFFFF_FFFFL,
        (PEER_ISN + 1) & 0xFFFF_FFFFL, flags, 65535, length, false));
  }

  /** A live target segment at {@code seq} relative to the live ISN, acknowledging the peer's first byte. */
  private void live(long seq, int flags, int length) {
    live.add(TcpSegment.ofLength(TARGET, PEER, LIVE_TARGET_ISN + seq, LIVE_PEER_ISN + 1, flags, 65535,
        TcpOptions.NONE, length));
  }

  private RecordedTrace trace() {
    TraceManifest manifest = new TraceManifest(Path.of("hand-made.yaml"), Path.of("hand-made.pcap"), "", null, null,
        List.of(), Map.of(), Map.of(), false);
    return new RecordedTrace(manifest, recorded, List.of(), TARGET_ISN, PEER_ISN, "TCP1", 0, 10);
  }

  private ReplayDriver.LiveRun liveRun() {
    return new ReplayDriver.LiveRun(null, live, LIVE_TARGET_ISN, LIVE_PEER_ISN, 0, List.of(), null, null, 0);
  }

  private static Endpoint endpoint(String address, int port) {
    try {
      return new Endpoint((Inet4Address) InetAddress.getByName(address), port);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
