package dev.chimney.nic;

import static dev.chimney.nic.NicFixture.ISS;
import static dev.chimney.nic.NicFixture.MSS;
import static dev.chimney.nic.NicFixture.ONE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.spi.TcpState;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Offloaded sends: segmentation, the peer's window, completion order, retransmission. */
class SendPathTest {
  private final NicFixture fx = new NicFixture();

  @Test
  @Tag("SND-1")
  @Tag("SND-2")
  void sendsCompleteInDeliveryOrderOnlyOnceAcknowledged() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    NetBufferList first = fx.hostList(1_000, 0);
    NetBufferList second = fx.hostList(500, 1);
    NetBufferList third = fx.hostList(2_000, 2);
    second.setNext(third);

    assertThat(fx.nic.tcpOffloadSend(context, first)).isEqualTo(NdisStatus.PENDING);
    assertThat(fx.nic.tcpOffloadSend(context, second)).isEqualTo(NdisStatus.PENDING);
    fx.clock.advance(ONE_MS);
    assertThat(fx.host.completedSendIds()).as("SND-2: nothing acknowledged, nothing completed;%s", fx.callLog()).isEmpty();

    byte[] onWire = payloadOf(fx.dataSentSince(0));
    assertThat(onWire).as("the three lists' bytes, in delivery order, on the wire;%s", fx.wireLog())
        .isEqualTo(concat(NicFixture.bytes(1_000, 0), NicFixture.bytes(500, 1), NicFixture.bytes(2_000, 2)));
    assertThat(fx.dataSentSince(0)).as("segments of at most one MSS (%d);%s", MSS, fx.wireLog())
        .allMatch(s -> s.payloadLength() <= MSS);

    fx.peerAcks(ISS + 1_200);
    fx.clock.advance(ONE_MS);
    assertThat(fx.host.completedSendIds()).as("SND-2: only the first list is wholly acknowledged;%s", fx.callLog())
        .containsExactly(first.id());

    fx.peerAcks(ISS + 3_500);
    fx.clock.advance(ONE_MS);
    assertThat(fx.host.completedSendIds()).as("SND-1: completions in delivery order;%s", fx.callLog())
        .containsExactly(first.id(), second.id(), third.id());
    assertThat(fx.host.completedSendStatuses()).as("SND-2: all SUCCESS;%s", fx.callLog())
        .containsOnly(NdisStatus.SUCCESS);
  }

  @Test
  void neverMoreInFlightThanThePeersWindow() {
    int window = 2_000;
    Object context = fx.offload(NicFixture.established().set(Field.SND_WND, window), null).miniportOffloadContext();
    fx.nic.tcpOffloadSend(context, fx.hostList(5_000, 0));

    assertThat(bytesInFlight(ISS)).as("in flight before any ACK, window %d;%s", window, fx.wireLog())
        .isEqualTo(window);

    fx.peerSendsRaw(NicFixture.IRS, ISS + 1_000, TcpFlag.ACK.bit(), window, new byte[0]);
    assertThat(bytesInFlight(ISS + 1_000)).as("in flight after ACK of 1000, window %d;%s", window, fx.wireLog())
        .isEqualTo(window);

    fx.peerSendsRaw(NicFixture.IRS, ISS + 3_000, TcpFlag.ACK.bit(), 0, new byte[0]);
    int mark = fx.wire.mark();
    fx.peerSendsRaw(NicFixture.IRS, ISS + 3_000, TcpFlag.ACK.bit(), 0, new byte[0]);
    assertThat(fx.dataSentSince(mark)).as("a shut window lets no data out;%s", fx.wireLog()).isEmpty();
  }

  @Test
  void scaledPeerWindowIsShiftedBySndWindScale() {
    TcpDelegatedState delegated = NicFixture.established().set(Field.SND_WND, 4 << 10);
    TcpState tcp = new TcpState(NicFixture.LOCAL_PORT, NicFixture.REMOTE_PORT, 10, 0, MSS,
        NicFixture.RECEIVE_WINDOW, delegated);
    OffloadBlockList block = new OffloadBlockList(tcp, new NdisOffloadHandle("TCP1"));
    OffloadBlockList root = NicFixture.neighborBlock().addDependent(
        NicFixture.pathBlock("Path1", NicFixture.TARGET, NicFixture.PEER).addDependent(block));
    fx.nic.initiateOffload(root);
    fx.clock.advance(ONE_MS);
    fx.nic.tcpOffloadSend(block.miniportOffloadContext(), fx.hostList(10_000, 0));

    fx.peerSendsRaw(NicFixture.IRS, ISS, TcpFlag.ACK.bit(), 8, new byte[0]);

    assertThat(bytesInFlight(ISS)).as("window field 8 << sndWindScale 10 = 8192 bytes;%s", fx.wireLog())
        .isEqualTo(8 << 10);
  }

  @Test
  void retransmitsAfterTheTimeoutWithBackoffThenCompletesOnceAcknowledged() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    NetBufferList send = fx.hostList(300, 7);
    fx.nic.tcpOffloadSend(context, send);
    TcpSegment original = fx.wire.sent().get(0);

    fx.clock.advance(TcpTimers.INITIAL_RTO_NANOS - ONE_MS);
    assertThat(fx.wire.sent()).as("no retransmission before the RTO;%s", fx.wireLog()).hasSize(1);
    fx.clock.advance(ONE_MS);
    assertThat(fx.wire.sent()).as("one retransmission at the RTO;%s", fx.wireLog()).hasSize(2);
    fx.clock.advance(2 * TcpTimers.INITIAL_RTO_NANOS - ONE_MS);
    assertThat(fx.wire.sent()).as("the second waits twice as long;%s", fx.wireLog()).hasSize(2);
    fx.clock.advance(ONE_MS);
    assertThat(fx.wire.sent()).as("second retransmission after backoff;%s", fx.wireLog()).hasSize(3);
    for (TcpSegment again : fx.wire.sent().subList(1, 3)) {
      assertThat(again.seq()).as("%s resends from SndUna", fx.wire.describe(again)).isEqualTo(original.seq());
      assertThat(again.payload()).as("%s resends the same bytes", fx.wire.describe(again)).isEqualTo(original.payload());
    }
    assertThat(fx.host.completedSendIds()).as("SND-2: unacknowledged, not completed;%s", fx.callLog()).isEmpty();

    fx.peerAcks(ISS + 300);
    fx.clock.advance(ONE_MS);
    assertThat(fx.host.completedSendIds()).as("SND-2: completed once acknowledged;%s", fx.callLog())
        .containsExactly(send.id());
    int mark = fx.wire.mark();
    fx.clock.advance(TcpTimers.MAX_RTO_NANOS * 2);
    assertThat(fx.wire.sentSince(mark)).as("nothing more once all is acknowledged;%s", fx.wireLog()).isEmpty();
  }

  @Test
  @Tag("TRM-1")
  void givesUpAfterMaxRetransmissionsByAskingTheHostToTakeTheConnectionBack() {
    OffloadBlockList tcp = fx.offloadEstablished();
    fx.nic.tcpOffloadSend(tcp.miniportOffloadContext(), fx.hostList(100, 0));

    fx.clock.advance(TcpTimers.MAX_RTO_NANOS * (TcpTimers.MAX_RETRANSMISSIONS + 2));

    assertThat(fx.wire.sent()).as("the original and MAX_RETRANSMISSIONS resends;%s", fx.wireLog())
        .hasSize(1 + TcpTimers.MAX_RETRANSMISSIONS);
    assertThat(fx.host.calls("tcpOffloadEvent")).as("TRM-1: one TcpIndicateRetrieve for TCP1;%s", fx.callLog())
        .singleElement().satisfies(c -> {
          assertThat(c.subject()).isSameAs(tcp.ndisOffloadHandle());
          assertThat(c.detail()).isEqualTo("INDICATE_RETRIEVE TIMER_EXPIRED");
        });
  }

  @Test
  @Tag("PAR-3")
  void sendDataHandedOverOnInitiateIsRetransmittedSentAndCompleted() {
    NetBufferList handedOver = fx.hostList(1_500, 3);
    // the host already sent the first 1000 bytes (SndNxt = SndMax = ISS + 1000)
    TcpDelegatedState delegated = NicFixture.established().set(Field.SND_NXT, ISS + 1_000).set(Field.SND_MAX, ISS + 1_000);
    fx.offload(delegated, handedOver);

    assertThat(fx.dataSentSince(0)).as("only the unsent 500 bytes go out at once;%s", fx.wireLog())
        .singleElement().satisfies(s -> {
          assertThat(s.seq()).isEqualTo(ISS + 1_000);
          assertThat(s.payloadLength()).isEqualTo(500);
        });
    fx.clock.advance(TcpTimers.INITIAL_RTO_NANOS);
    assertThat(fx.wire.sent().get(fx.wire.sent().size() - 1).seq())
        .as("the RTO resends from SndUna, the host's unacknowledged bytes;%s", fx.wireLog()).isEqualTo(ISS);

    fx.peerAcks(ISS + 1_500);
    fx.clock.advance(ONE_MS);
    assertThat(fx.host.completedSendIds()).as("SND-2: the handed-over list completes once acknowledged;%s", fx.callLog())
        .containsExactly(handedOver.id());
  }

  private long bytesInFlight(long acknowledged) {
    long highest = acknowledged;
    for (TcpSegment s : fx.wire.sent()) {
      highest = Math.max(highest, s.seq() + s.payloadLength());
    }
    return highest - acknowledged;
  }

  private static byte[] payloadOf(List<TcpSegment> segments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    segments.forEach(s -> out.writeBytes(s.payload()));
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
