package dev.chimney.nic;

import static dev.chimney.nic.NicFixture.IRS;
import static dev.chimney.nic.NicFixture.ISS;
import static dev.chimney.nic.NicFixture.ONE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.wire.TcpFlag;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Terminating an offloaded connection: the state, send data and receive data handed back. */
class TerminateTest {
  private final NicFixture fx = new NicFixture();

  @Test
  @Tag("TOC-1")
  @Tag("TOC-3")
  @Tag("TOC-7")
  void withNothingOutstandingTheChainIsNullAndTheStateMatchesTheWire() {
    OffloadBlockList tcp = fx.offloadEstablished();
    fx.nic.tcpOffloadSend(tcp.miniportOffloadContext(), fx.hostList(100, 0));
    fx.peerSends(IRS, ISS + 100, NicFixture.bytes(40, 0));

    terminate(tcp);

    TcpDelegatedState d = tcp.tcpState().delegated();
    assertThat(tcp.netBufferListChain()).as("TOC-7: no outstanding data, NULL chain").isNull();
    assertThat(d.sndUna()).as("TOC-3: SndUna = highest ACK received;%s", fx.wireLog()).hasValue(ISS + 100);
    assertThat(d.sndNxt()).as("TOC-3: SndNxt;%s", fx.wireLog()).hasValue(ISS + 100);
    assertThat(d.sndMax()).as("TOC-3: SndMax = highest sequence sent + 1;%s", fx.wireLog()).hasValue(ISS + 100);
    assertThat(d.rcvNxt()).as("TOC-3: RcvNxt;%s", fx.wireLog()).hasValue(IRS + 40);
    assertThat(d.state()).isEqualTo(TcpConnectionState.ESTABLISHED);
    assertThat(d.bufferedData()).as("TOC-8: everything was consumed").isNull();
  }

  @Test
  @Tag("TOC-5")
  @Tag("TOC-6")
  void outstandingSendsComeBackWholeInDeliveryOrderWithTheSendVariables() {
    OffloadBlockList tcp = fx.offload(NicFixture.established().set(Field.SND_WND, 2_500), null);
    Object context = tcp.miniportOffloadContext();
    NetBufferList acked = fx.hostList(500, 0);
    NetBufferList partlyAcked = fx.hostList(1_000, 0);
    NetBufferList unacked = fx.hostList(1_000, 0);
    NetBufferList unsent = fx.hostList(1_000, 0);
    fx.nic.tcpOffloadSend(context, acked);
    fx.nic.tcpOffloadSend(context, partlyAcked);
    fx.nic.tcpOffloadSend(context, unacked);
    fx.nic.tcpOffloadSend(context, unsent);
    // the window's right edge stays at ISS + 2500: the last list is never sent
    fx.peerSendsRaw(IRS, ISS + 700, TcpFlag.ACK.bit(), 1_800, new byte[0]);
    fx.clock.advance(ONE_MS);

    terminate(tcp);

    long highestSent = fx.wire.sent().stream().mapToLong(s -> s.seq() + s.payloadLength()).max().orElseThrow();
    assertThat(NetBufferList.toList(tcp.netBufferListChain())).as("TOC-5: outstanding lists in delivery order")
        .containsExactly(partlyAcked, unacked, unsent);
    assertThat(fx.host.completedSendIds()).as("SND-2: only the acknowledged list completed;%s", fx.callLog())
        .containsExactly(acked.id());
    TcpDelegatedState d = tcp.tcpState().delegated();
    assertThat(d.sndUna()).as("TOC-6: SndUna;%s", fx.wireLog()).hasValue(ISS + 700);
    assertThat(d.sndMax()).as("TOC-6: SndMax against the wire;%s", fx.wireLog()).hasValue(highestSent);
    assertThat(d.sndNxt()).as("TOC-6: SndNxt;%s", fx.wireLog()).hasValue(highestSent);
    assertThat(highestSent).as("the peer's window held the last list back;%s", fx.wireLog()).isEqualTo(ISS + 2_500);
  }

  @Test
  @Tag("TOC-8")
  void receivedDataNotConsumedComesBackAsBufferedData() {
    OffloadBlockList tcp = fx.offloadEstablished();
    fx.host.consumeOnIndicate = n -> 0;
    fx.peerSends(IRS, ISS, NicFixture.bytes(64, 3));

    terminate(tcp);

    NetBufferList buffered = tcp.tcpState().delegated().bufferedData();
    assertThat(buffered).as("TOC-8: the unconsumed bytes come back").isNotNull();
    assertThat(buffered.firstBuffer().data()).isEqualTo(NicFixture.bytes(64, 3));
    assertThat(tcp.tcpState().delegated().rcvNxt()).hasValue(IRS + 64);
  }

  @Test
  @Tag("TOC-10")
  void anOwedDelayedAckGoesOutBeforeTheCompletionAndLaterSegmentsAreTheHosts() {
    OffloadBlockList tcp = fx.offloadEstablished();
    fx.peerSends(IRS, ISS, NicFixture.bytes(10, 0));
    assertThat(fx.wire.sent()).as("the ACK is still delayed").isEmpty();

    assertThat(fx.nic.terminateOffload(tcp)).isEqualTo(NdisStatus.PENDING);
    assertThat(fx.wire.sent()).as("TOC-10: the owed ACK goes out before the terminate completes;%s", fx.wireLog())
        .singleElement().satisfies(ack -> assertThat(ack.ack()).isEqualTo(IRS + 10));
    fx.peerSends(IRS + 10, ISS, NicFixture.bytes(10, 10));
    fx.clock.advance(ONE_MS);
    fx.peerSends(IRS + 20, ISS, NicFixture.bytes(10, 20));
    fx.clock.advance(TcpTimers.MAX_RTO_NANOS * 4);

    assertThat(fx.host.ordinaryReceives()).as("TOC-10: segments during and after the terminate go up;%s", fx.callLog())
        .hasSize(2);
    assertThat(fx.wire.sent()).as("TOC-9, TOC-10: and are not acknowledged;%s", fx.wireLog()).hasSize(1);
  }

  @Test
  @Tag("TOC-9")
  @Tag("DSC-13")
  void aPendingGracefulCloseFailsWithUploadInProgressBeforeTheTerminateCompletes() {
    OffloadBlockList tcp = fx.offloadEstablished();
    Object context = tcp.miniportOffloadContext();
    fx.nic.tcpOffloadSend(context, fx.hostList(100, 0));
    fx.nic.tcpOffloadDisconnect(context, fx.hostList(20, 0), DisconnectFlags.GRACEFUL_CLOSE);

    terminate(tcp);
    int callsAtCompletion = fx.host.calls().size();
    int segmentsAtCompletion = fx.wire.mark();
    NdisStatus lateSend = fx.nic.tcpOffloadSend(context, fx.hostList(5, 0));
    fx.clock.advance(TcpTimers.MAX_RTO_NANOS * 4);

    RecordingHost.Call disconnect = fx.host.calls("tcpOffloadDisconnectComplete").get(0);
    assertThat(disconnect.statuses()).as("DSC-11: failed only because of the upload;%s", fx.callLog())
        .containsExactly(NdisStatus.UPLOAD_IN_PROGRESS);
    assertThat(disconnect.number()).as("TOC-9: before the terminate completes;%s", fx.callLog())
        .isLessThan(fx.host.calls("terminateOffloadComplete").get(0).number());
    assertThat(tcp.tcpState().delegated().state()).isEqualTo(TcpConnectionState.FIN_WAIT_1);
    assertThat(tcp.tcpState().delegated().sndMax()).as("SndMax counts the FIN").hasValue(ISS + 121);
    assertThat(NetBufferList.toList(tcp.netBufferListChain())).as("the send and the disconnect's data come back")
        .extracting(NetBufferList::dataLength).containsExactly(100, 20);
    assertThat(lateSend).as("a send after the terminate").isEqualTo(NdisStatus.UPLOAD_IN_PROGRESS);
    assertThat(fx.host.calls()).as("TOC-9: nothing after the completion;%s", fx.callLog()).hasSize(callsAtCompletion);
    assertThat(fx.wire.sentSince(segmentsAtCompletion))
        .as("TOC-9: no segment after the terminate, though the data was never acknowledged;%s", fx.wireLog())
        .isEmpty();
  }

  @Test
  @Tag("DSC-13")
  void aClosedConnectionKeepsItsStateUntilTerminated() {
    OffloadBlockList tcp = fx.offloadEstablished();
    Object context = tcp.miniportOffloadContext();
    fx.nic.tcpOffloadDisconnect(context, fx.hostList(0, 0), DisconnectFlags.GRACEFUL_CLOSE);
    fx.peerSends(IRS, ISS + 1, new byte[0], TcpFlag.FIN);
    fx.clock.advance(ONE_MS);

    terminate(tcp);

    TcpDelegatedState d = tcp.tcpState().delegated();
    assertThat(d.state()).as("DSC-13: both FINs acknowledged").isEqualTo(TcpConnectionState.TIME_WAIT);
    assertThat(d.sndUna()).hasValue(ISS + 1);
    assertThat(d.rcvNxt()).hasValue(IRS + 1);
  }

  private void terminate(OffloadBlockList tcp) {
    assertThat(fx.nic.terminateOffload(tcp)).as("terminate returns PENDING").isEqualTo(NdisStatus.PENDING);
    fx.clock.advance(TcpTimers.UPLOAD_LATENCY_NANOS + ONE_MS);
    assertThat(fx.host.calls("terminateOffloadComplete")).as("TOC-1: completed once;%s", fx.callLog())
        .singleElement().satisfies(c -> assertThat(c.subject()).isSameAs(tcp));
    assertThat(tcp.status()).as("TOC-2: Status").isEqualTo(NdisStatus.SUCCESS);
  }
}
