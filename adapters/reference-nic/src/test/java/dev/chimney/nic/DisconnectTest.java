package dev.chimney.nic;

import static dev.chimney.nic.NicFixture.IRS;
import static dev.chimney.nic.NicFixture.ISS;
import static dev.chimney.nic.NicFixture.ONE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Graceful and abortive closes, from either side. */
class DisconnectTest {
  private final NicFixture fx = new NicFixture();

  @Test
  @Tag("DSC-7")
  @Tag("DSC-8")
  @Tag("DSC-10")
  void gracefulCloseSendsDataThenFinOnePastItWithoutWaitingAndCompletesAfterTheSends() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    NetBufferList send = fx.hostList(100, 0);
    fx.nic.tcpOffloadSend(context, send);
    NetBufferList disconnect = fx.hostList(50, 100);

    assertThat(fx.nic.tcpOffloadDisconnect(context, disconnect, DisconnectFlags.GRACEFUL_CLOSE))
        .as("DSC-1: disconnect returns PENDING").isEqualTo(NdisStatus.PENDING);

    List<TcpSegment> fins = fx.wire.sent().stream().filter(s -> s.has(TcpFlag.FIN)).toList();
    assertThat(fins).as("DSC-8: one FIN, sent before any ACK;%s", fx.wireLog()).hasSize(1);
    TcpSegment fin = fins.get(0);
    assertThat(fin.seq() + fin.payloadLength()).as("DSC-7: %s: FIN one past the last data byte", fx.wire.describe(fin))
        .isEqualTo(ISS + 150);

    fx.peerAcks(ISS + 150);
    fx.clock.advance(ONE_MS);
    assertThat(fx.host.calls("tcpOffloadDisconnectComplete"))
        .as("DSC-10: not complete while the FIN is unacknowledged;%s", fx.callLog()).isEmpty();

    fx.peerAcks(ISS + 151);
    fx.clock.advance(ONE_MS);
    List<String> order = fx.host.calls().stream()
        .map(RecordingHost.Call::name)
        .filter(n -> n.equals("tcpOffloadSendComplete") || n.equals("tcpOffloadDisconnectComplete"))
        .toList();
    assertThat(order).as("DSC-10: the send completes before the disconnect;%s", fx.callLog())
        .containsExactly("tcpOffloadSendComplete", "tcpOffloadDisconnectComplete");
    assertThat(fx.host.calls("tcpOffloadDisconnectComplete").get(0).statuses())
        .as("DSC-1: disconnect completed with SUCCESS;%s", fx.callLog()).containsExactly(NdisStatus.SUCCESS);
  }

  @Test
  @Tag("DSC-9")
  void afterOurFinTheReceiveHalfStaysOpen() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    fx.nic.tcpOffloadDisconnect(context, emptyList(), DisconnectFlags.GRACEFUL_CLOSE);
    fx.peerAcks(ISS + 1);
    int mark = fx.wire.mark();

    fx.peerSends(IRS, ISS + 1, NicFixture.bytes(80, 1));
    fx.clock.advance(TcpTimers.DELAYED_ACK_NANOS);

    assertThat(fx.host.deliveredBytes()).as("DSC-9: data after our FIN still indicated;%s", fx.callLog())
        .isEqualTo(NicFixture.bytes(80, 1));
    assertThat(fx.wire.sentSince(mark)).as("DSC-9: and acknowledged;%s", fx.wireLog())
        .singleElement().satisfies(ack -> assertThat(ack.ack()).isEqualTo(IRS + 80));
  }

  @Test
  void peerFinIsAcknowledgedAtOnceAndIndicatedAfterTheDataBeforeIt() {
    OffloadBlockList tcp = fx.offloadEstablished();

    fx.peerSends(IRS, ISS, NicFixture.bytes(20, 0), TcpFlag.FIN);

    assertThat(fx.wire.sent()).as("the FIN is acknowledged at once;%s", fx.wireLog())
        .singleElement().satisfies(ack -> assertThat(ack.ack()).isEqualTo(IRS + 21));
    List<String> order = fx.host.calls().stream().skip(1).map(c -> c.name() + " " + c.detail()).toList();
    assertThat(order).as("data first, then INDICATE_DISCONNECT;%s", fx.callLog())
        .containsExactly("tcpOffloadReceiveIndicate 20 bytes, consumed 20", "tcpOffloadEvent INDICATE_DISCONNECT");
    assertThat(fx.host.calls("tcpOffloadEvent").get(0).subject()).isSameAs(tcp.ndisOffloadHandle());
  }

  @Test
  @Tag("DSC-2")
  @Tag("DSC-4")
  @Tag("DSC-5")
  void abortiveCloseSendsOneRstAbortsSendsAndAcknowledgesNothingMore() {
    Object context = fx.offloadEstablished().miniportOffloadContext();
    NetBufferList first = fx.hostList(200, 0);
    NetBufferList second = fx.hostList(300, 0);
    fx.nic.tcpOffloadSend(context, first);
    fx.nic.tcpOffloadSend(context, second);
    fx.peerSends(IRS, ISS, NicFixture.bytes(10, 0));
    int mark = fx.wire.mark();

    NetBufferList disconnect = emptyList();
    assertThat(fx.nic.tcpOffloadDisconnect(context, disconnect, DisconnectFlags.ABORTIVE_CLOSE))
        .as("DSC-1").isEqualTo(NdisStatus.PENDING);
    fx.peerSends(IRS + 10, ISS, NicFixture.bytes(10, 10));
    fx.clock.advance(TcpTimers.MAX_RTO_NANOS * 4);

    assertThat(fx.wire.sentSince(mark)).as("DSC-2, DSC-5: one RST at SndNxt and nothing after it;%s", fx.wireLog())
        .singleElement().satisfies(rst -> {
          assertThat(rst.flags()).isEqualTo(TcpFlag.RST.bit());
          assertThat(rst.seq()).isEqualTo(ISS + 500);
        });
    assertThat(fx.host.completedSendIds()).as("DSC-4: every outstanding send, in order;%s", fx.callLog())
        .containsExactly(first.id(), second.id());
    assertThat(fx.host.completedSendStatuses()).as("DSC-4: REQUEST_ABORTED;%s", fx.callLog())
        .containsOnly(NdisStatus.REQUEST_ABORTED);
    int lastSend = fx.host.calls("tcpOffloadSendComplete").get(0).number();
    RecordingHost.Call completion = fx.host.calls("tcpOffloadDisconnectComplete").get(0);
    assertThat(completion.number()).as("DSC-4: sends aborted before the disconnect completes;%s", fx.callLog())
        .isGreaterThan(lastSend);
    assertThat(completion.statuses()).containsExactly(NdisStatus.SUCCESS);
    assertThat(fx.host.deliveredBytes()).as("DSC-5: the segment after the RST is not processed;%s", fx.callLog())
        .hasSize(10);
  }

  @Test
  void peerResetIndicatesAbortFailsSendsAndSilencesTheConnection() {
    OffloadBlockList tcp = fx.offloadEstablished();
    NetBufferList send = fx.hostList(200, 0);
    fx.nic.tcpOffloadSend(tcp.miniportOffloadContext(), send);
    int mark = fx.wire.mark();

    fx.peerSendsRaw(IRS, 0, TcpFlag.RST.bit(), 0, new byte[0]);
    fx.clock.advance(TcpTimers.MAX_RTO_NANOS * 4);

    assertThat(fx.host.calls("tcpOffloadEvent")).as("INDICATE_ABORT for TCP1;%s", fx.callLog())
        .singleElement().satisfies(c -> {
          assertThat(c.detail()).isEqualTo("INDICATE_ABORT");
          assertThat(c.subject()).isSameAs(tcp.ndisOffloadHandle());
        });
    assertThat(fx.host.completedSendStatuses()).as("outstanding send REQUEST_ABORTED;%s", fx.callLog())
        .containsExactly(NdisStatus.REQUEST_ABORTED);
    assertThat(fx.wire.sentSince(mark)).as("DSC-3: no retransmission, no RST in answer;%s", fx.wireLog()).isEmpty();

    NetBufferList disconnect = emptyList();
    fx.nic.tcpOffloadDisconnect(tcp.miniportOffloadContext(), disconnect, DisconnectFlags.GRACEFUL_CLOSE);
    fx.clock.advance(ONE_MS);
    assertThat(fx.host.calls("tcpOffloadDisconnectComplete").get(0).statuses())
        .as("DSC-11: a disconnect after the peer's RST may fail;%s", fx.callLog())
        .containsExactly(NdisStatus.REQUEST_ABORTED);
  }

  @Test
  void resetOutsideTheWindowIsIgnored() {
    fx.offloadEstablished();

    fx.peerSendsRaw(IRS + NicFixture.RECEIVE_WINDOW + 10, 0, TcpFlag.RST.bit(), 0, new byte[0]);

    assertThat(fx.host.calls("tcpOffloadEvent")).as("an RST outside the window is not acceptable;%s", fx.callLog())
        .isEmpty();
  }

  private NetBufferList emptyList() {
    return new NetBufferList(900, NetBuffer.ofData(new byte[0]));
  }
}
