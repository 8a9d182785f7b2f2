package dev.chimney.nic;

import static dev.chimney.nic.NicFixture.IRS;
import static dev.chimney.nic.NicFixture.ISS;
import static dev.chimney.nic.NicFixture.ONE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offloaded receives: in-order delivery, posted buffers, indications, delayed and duplicate ACKs. */
class ReceivePathTest {
  private final NicFixture fx = new NicFixture();

  @Test
  void oneSegmentIsAcknowledgedAfterTheDelayAndIndicated() {
    fx.offloadEstablished();
    fx.peerSends(IRS, ISS, NicFixture.bytes(100, 9));

    assertThat(fx.host.deliveredBytes()).as("data indicated at once;%s", fx.callLog())
        .isEqualTo(NicFixture.bytes(100, 9));
    fx.clock.advance(TcpTimers.DELAYED_ACK_NANOS - ONE_MS);
    assertThat(fx.wire.sent()).as("the ACK is held back for the delay;%s", fx.wireLog()).isEmpty();
    fx.clock.advance(ONE_MS);
    assertThat(fx.wire.sent()).as("one ACK once the delay is over;%s", fx.wireLog())
        .singleElement().satisfies(ack -> assertThat(ack.ack()).isEqualTo(IRS + 100));
  }

  @Test
  void everySecondSegmentIsAcknowledgedAtOnce() {
    fx.offloadEstablished();
    fx.peerSends(IRS, ISS, NicFixture.bytes(100, 0));
    fx.peerSends(IRS + 100, ISS, NicFixture.bytes(100, 100));

    assertThat(fx.wire.sent()).as("the second segment is acknowledged without delay;%s", fx.wireLog())
        .singleElement().satisfies(ack -> assertThat(ack.ack()).isEqualTo(IRS + 200));
    fx.clock.advance(TcpTimers.DELAYED_ACK_NANOS * 2);
    assertThat(fx.wire.sent()).as("and nothing is owed after it;%s", fx.wireLog()).hasSize(1);
  }

  @Test
  void outOfOrderSegmentIsDroppedWithAnImmediateDuplicateAck() {
    fx.offloadEstablished();
    fx.peerSends(IRS + 100, ISS, NicFixture.bytes(100, 0));

    assertThat(fx.wire.sent()).as("duplicate ACK of RcvNxt at once;%s", fx.wireLog())
        .singleElement().satisfies(ack -> assertThat(ack.ack()).isEqualTo(IRS));
    assertThat(fx.host.deliveredBytes()).as("nothing delivered out of order;%s", fx.callLog()).isEmpty();
  }

  @Test
  void postedBuffersAreFilledFirstInFirstOut() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    NetBufferList first = fx.receiveList(60);
    NetBufferList second = fx.receiveList(100);
    first.setNext(second);
    assertThat(fx.nic.tcpOffloadReceive(context, first)).isEqualTo(NdisStatus.PENDING);

    fx.peerSends(IRS, ISS, NicFixture.bytes(100, 4));

    List<RecordingHost.Call> completions = fx.host.calls("tcpOffloadReceiveComplete");
    assertThat(completions).as("one completion of both filled lists;%s", fx.callLog())
        .singleElement().satisfies(c -> {
          assertThat(c.listIds()).containsExactly(first.id(), second.id());
          assertThat(c.statuses()).containsOnly(NdisStatus.SUCCESS);
        });
    assertThat(first.dataLength()).as("first list filled to capacity").isEqualTo(60);
    assertThat(second.dataLength()).as("second list holds the rest").isEqualTo(40);
    assertThat(fx.host.deliveredBytes()).isEqualTo(NicFixture.bytes(100, 4));
    assertThat(fx.host.calls("tcpOffloadReceiveIndicate")).as("no indication while buffers are posted").isEmpty();
  }

  @Test
  void unconsumedDataStaysBufferedShrinksTheWindowAndGoesToTheNextPostedBuffer() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    fx.host.consumeOnIndicate = n -> 30;
    fx.peerSends(IRS, ISS, NicFixture.bytes(100, 0));
    fx.clock.advance(TcpTimers.DELAYED_ACK_NANOS);

    TcpSegment ack = fx.wire.sent().get(0);
    assertThat(ack.window()).as("%s: 70 unconsumed bytes count against the window", fx.wire.describe(ack))
        .isEqualTo(NicFixture.RECEIVE_WINDOW - 70);

    fx.peerSends(IRS + 100, ISS, NicFixture.bytes(50, 100));
    assertThat(fx.host.calls("tcpOffloadReceiveIndicate"))
        .as("not indicated again while the host has not taken the rest;%s", fx.callLog()).hasSize(1);

    fx.nic.tcpOffloadReceive(context, fx.receiveList(1_000));
    assertThat(fx.host.deliveredBytes()).as("the rest, in order, into the posted buffer;%s", fx.callLog())
        .isEqualTo(NicFixture.bytes(150, 0));
  }

  @Test
  void segmentsOfUnknownConnectionsGoUpTheOrdinaryPathWithoutAnyReply() {
    fx.offloadEstablished();
    byte[] packet = unknownConnectionSegment();

    fx.nic.receiveFromWire(packet);

    assertThat(fx.host.ordinaryReceives()).as("handed to the host unchanged;%s", fx.callLog())
        .singleElement().isEqualTo(packet);
    assertThat(fx.wire.sent()).as("DSC-3: no segment (no RST) for an unknown connection;%s", fx.wireLog()).isEmpty();
  }

  @Test
  void segmentsWithABadChecksumAreDroppedWithoutThrowing() {
    fx.offloadEstablished();
    byte[] packet = SegmentCodec.encode(
        NicFixture.peerSegment(IRS, ISS, TcpFlag.ACK.bit(), 1_000, new byte[10]), 1, NicFixture.PEER_TTL);
    packet[packet.length - 1] ^= 0x55;

    fx.nic.receiveFromWire(packet);
    fx.clock.advance(TcpTimers.DELAYED_ACK_NANOS);

    assertThat(fx.host.calls()).as("neither delivered nor passed up;%s", fx.callLog()).hasSize(1);
    assertThat(fx.wire.sent()).as("nor acknowledged;%s", fx.wireLog()).isEmpty();
  }

  private static byte[] unknownConnectionSegment() {
    // same peer, another port pair: not offloaded
    TcpSegment s = new TcpSegment(new Endpoint(NicFixture.PEER, 443), new Endpoint(NicFixture.TARGET, 41_000),
        1, 1, TcpFlag.ACK.bit(), 1_000, TcpOptions.NONE, new byte[10]);
    return SegmentCodec.encode(s, 1, NicFixture.PEER_TTL);
  }
}
