package dev.chimney.host;

import static dev.chimney.host.HostStackTest.bytes;
import static dev.chimney.host.StubWorld.LOCAL_1;
import static dev.chimney.host.StubWorld.LOCAL_2;
import static dev.chimney.host.StubWorld.PEER_1;
import static dev.chimney.host.StubWorld.PEER_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's own rules, kept by construction and visible in the log. */
class HostObligationsTest {
  private final StubWorld world = new StubWorld();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void trm1AndTrm4_repeatedRetrieveRequestsGiveOneTerminate() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);
    world.target.retrieveIndications = 3;

    world.host.requestRetrieve(c);
    world.host.awaitTerminated(c);

    List<Event.Upcall> retrieves = world.upcalls(Api.TCP_OFFLOAD_EVENT);
    List<Event.Call> terminates = world.calls(Api.TERMINATE_OFFLOAD);
    assertThat(retrieves).as("TRM-4: three TcpIndicateRetrieve upcalls recorded").hasSize(3);
    assertThat(terminates).as("TRM-4: expected one MiniportTerminateOffload, log:\n%s", world.logText())
        .hasSize(1);
    assertThat(terminates.get(0).connection()).isEqualTo("TCP1");
    assertThat(terminates.get(0).seq()).as("TRM-1: terminate answers the first request")
        .isGreaterThan(retrieves.get(0).seq());
    assertThat(world.events(Event.Note.class)).extracting(Event.Note::text)
        .filteredOn(t -> t.contains("TRM-4")).hasSize(2);
    assertThat(world.host.anomalies()).as("repeated requests are no error").isEmpty();
    assertThat(c.phase()).isEqualTo(ConnectionPhase.UPLOADED);
  }

  @Test
  void trm6AndTrm7_uploadAllTerminatesEverythingAndBlocksOffloadUntilResume() {
    HostConnection c1 = world.connect(LOCAL_1, PEER_1);
    HostConnection c2 = world.connect(LOCAL_2, PEER_2);
    world.host.offload(c1);
    world.target.resumeAfterUploadAll = false;

    world.host.requestUploadAll();
    world.host.awaitTerminated(c1);

    assertThat(world.calls(Api.TERMINATE_OFFLOAD)).as("TRM-6").extracting(Event.Call::connection)
        .containsExactly("TCP1");
    assertThatThrownBy(() -> world.host.offload(c2))
        .isInstanceOf(HostRefusalException.class)
        .hasMessageStartingWith("TRM-7: host refuses: the target indicated NDIS_STATUS_UPLOAD_ALL at event #"
            + world.upcalls(Api.INDICATE_STATUS).get(0).seq())
        .hasMessageContaining("timeout 'completion' (2000 ms)");
    assertThat(world.calls(Api.INITIATE_OFFLOAD)).as("TRM-7: no initiate after UPLOAD_ALL").hasSize(1);
  }

  @Test
  void trm7_offloadWaitsForOffloadResume() {
    HostConnection c1 = world.connect(LOCAL_1, PEER_1);
    HostConnection c2 = world.connect(LOCAL_2, PEER_2);
    world.host.offload(c1);

    world.host.requestUploadAll();
    OffloadResult second = world.host.offload(c2);

    List<Event.Upcall> statuses = world.upcalls(Api.INDICATE_STATUS);
    assertThat(statuses).extracting(Event.Upcall::status)
        .containsExactly(NdisStatus.UPLOAD_ALL, NdisStatus.OFFLOAD_RESUME);
    assertThat(world.calls(Api.INITIATE_OFFLOAD).get(1).seq())
        .as("TRM-7: the second initiate comes after OFFLOAD_RESUME (event #%d)", statuses.get(1).seq())
        .isGreaterThan(statuses.get(1).seq());
    assertThat(second.offloaded(c2)).isTrue();
  }

  @Test
  void dsc12_aFailedDisconnectIsNeverReissued() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);
    world.target.failDisconnects = true;
    world.host.disconnect(c, DisconnectFlags.GRACEFUL_CLOSE);
    world.host.awaitDisconnectComplete(c);
    long failedAt = world.upcalls(Api.TCP_OFFLOAD_DISCONNECT_COMPLETE).get(0).seq();

    assertThatThrownBy(() -> world.host.disconnect(c, DisconnectFlags.ABORTIVE_CLOSE))
        .isInstanceOf(HostRefusalException.class)
        .hasMessage("DSC-12: host refuses: the disconnect of TCP1 failed at event #" + failedAt
            + "; the host never issues it again");
    assertThat(world.calls(Api.TCP_OFFLOAD_DISCONNECT)).hasSize(1);
  }

  @Test
  void dsc6_abortiveDisconnectCarriesNoData() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);

    assertThatThrownBy(() -> world.host.disconnect(c, DisconnectFlags.ABORTIVE_CLOSE, bytes("no")))
        .isInstanceOf(HostRefusalException.class).hasMessageStartingWith("DSC-6:");
    NetBufferList nbl = world.host.disconnect(c, DisconnectFlags.ABORTIVE_CLOSE);
    world.host.awaitDisconnectComplete(c);

    Event.Call call = world.calls(Api.TCP_OFFLOAD_DISCONNECT).get(0);
    assertThat(call.flags()).isEqualTo(DisconnectFlags.ABORTIVE_CLOSE);
    assertThat(call.nbls()).as("DSC-6: one list, one empty buffer")
        .containsExactly(new NblView(nbl.id(), NdisStatus.SUCCESS, 0, 1));
    assertThat(c.disconnectStatus()).isEqualTo(NdisStatus.SUCCESS);
  }

  @Test
  void fwd4_oneSegmentPerListTcpHeaderFirst() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);
    TcpSegment s1 = segmentFromPeer(c, 0, "abc");
    TcpSegment s2 = segmentFromPeer(c, 3, "de");

    List<NetBufferList> lists = world.host.forward(c, s1, s2);
    world.session.clock().runFor(Timeouts.DEFAULTS.quiet().toNanos());

    assertThat(lists).hasSize(2).allSatisfy(l -> assertThat(l.buffers()).hasSize(1));
    byte[] first = lists.get(0).firstBuffer().data();
    assertThat(((first[0] & 0xFF) << 8) | (first[1] & 0xFF)).as("FWD-4: first bytes are the TCP source port")
        .isEqualTo(PEER_1.port());
    assertThat(first.length).as("FWD-4: TCP header (20) + 3 data bytes").isEqualTo(23);
    assertThat(world.upcalls(Api.TCP_OFFLOAD_FORWARD_COMPLETE)).isNotEmpty();
    assertThat(world.host.anomalies()).isEmpty();
  }

  @Test
  void fwd5_noForwardWhileTerminatingOrWhenNotOffloaded() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    assertThatThrownBy(() -> world.host.forward(c, segmentFromPeer(c, 0, "x")))
        .isInstanceOf(HostRefusalException.class).hasMessageStartingWith("FWD-5:");
    world.host.offload(c);
    world.target.retrieveIndications = 1;
    world.host.requestRetrieve(c);
    world.session.clock().runUntil(() -> c.phase() == ConnectionPhase.TERMINATING, 1);

    List<NetBufferList> during = world.host.forward(c, segmentFromPeer(c, 0, "x"));
    world.host.awaitTerminated(c);

    assertThat(during).as("FWD-5: held while the terminate is in progress").isEmpty();
    assertThat(world.calls(Api.TCP_OFFLOAD_FORWARD)).as("FWD-5: nothing forwarded").isEmpty();
  }

  private TcpSegment segmentFromPeer(HostConnection c, int offset, String data) {
    var peer = world.peerOf(c);
    return new TcpSegment(c.remote(), c.local(), peer.sndNxt() + offset, peer.rcvNxt(),
        TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH), 1024, TcpOptions.NONE, bytes(data));
  }
}
