package dev.chimney.host;

import static dev.chimney.host.StubWorld.LOCAL_1;
import static dev.chimney.host.StubWorld.LOCAL_2;
import static dev.chimney.host.StubWorld.PEER_1;
import static dev.chimney.host.StubWorld.PEER_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.chimney.peer.PeerConnection;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.wire.Direction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostStackTest {
  private final StubWorld world = new StubWorld();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void handshakeGoesThroughTheTargetsOrdinaryPaths() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.session.clock().runFor(Timeouts.DEFAULTS.quiet().toNanos());

    PeerConnection peer = world.peerOf(c);
    assertThat(c.phase()).isEqualTo(ConnectionPhase.HOST);
    assertThat(peer.established()).as("peer side of %s established; log:\n%s", c, world.logText()).isTrue();
    assertThat(peer.irs()).as("peer saw the host's deterministic ISN").isEqualTo(HostStack.ISN_BASE);
    assertThat(world.calls(Api.SEND_NET_BUFFER_LISTS)).as("SYN and ACK through MiniportSendNetBufferLists")
        .hasSize(2).allSatisfy(call -> assertThat(call.connection()).isEqualTo("TCP1"));
    assertThat(world.upcalls(Api.INDICATE_RECEIVE_NET_BUFFER_LISTS)).as("SYN-ACK indicated to the host")
        .hasSize(1).allSatisfy(up -> assertThat(up.connection()).isEqualTo("TCP1"));
    assertThat(world.events(Event.Packet.class)).extracting(Event.Packet::direction, Event.Packet::connection)
        .containsExactly(
            tuple(Direction.TO_PEER, "TCP1"),
            tuple(Direction.TO_TARGET, "TCP1"),
            tuple(Direction.TO_PEER, "TCP1"));
  }

  @Test
  void anInitiateCompletedInsideTheCallThatThenRefusesIsSettledByItsCompletion() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.target.initiateCompletedInlineThenReturned = NdisStatus.FAILURE;

    OffloadResult result = world.host.offload(c);

    assertThat(result.returned()).isEqualTo(NdisStatus.FAILURE);
    assertThat(c.phase()).as("the completion offloaded it; the refusal that followed takes nothing back")
        .isEqualTo(ConnectionPhase.OFFLOADED);
    assertThat(world.upcalls(Api.INITIATE_OFFLOAD_COMPLETE)).hasSize(1);
  }

  @Test
  void offloadTreeStatusesAndDelegatedStateAreRecorded() {
    HostConnection c1 = world.connect(LOCAL_1, PEER_1);
    HostConnection c2 = world.connect(LOCAL_2, PEER_2);
    world.target.initiateStatus.put("TCP2", NdisStatus.RESOURCES);

    OffloadResult result = world.host.offload(c1, c2);

    assertThat(result.statuses()).as("PAR statuses by object, in walk order").containsExactly(
        entry("Neighbor1", NdisStatus.SUCCESS),
        entry("Path1", NdisStatus.SUCCESS),
        entry("TCP1", NdisStatus.SUCCESS),
        entry("Path2", NdisStatus.OFFLOAD_PARTIAL_SUCCESS),
        entry("TCP2", NdisStatus.RESOURCES));
    assertThat(c1.phase()).isEqualTo(ConnectionPhase.OFFLOADED);
    assertThat(c2.phase()).as("a TCP object not offloaded stays the host's").isEqualTo(ConnectionPhase.HOST);

    Event.Call call = world.calls(Api.INITIATE_OFFLOAD).get(0);
    assertThat(call.tree()).extracting(BlockView::name, BlockView::parent, BlockView::type).containsExactly(
        tuple("Neighbor1", null, OffloadStateType.NEIGHBOR),
        tuple("Path1", "Neighbor1", OffloadStateType.PATH),
        tuple("TCP1", "Path1", OffloadStateType.TCP),
        tuple("Path2", "Neighbor1", OffloadStateType.PATH),
        tuple("TCP2", "Path2", OffloadStateType.TCP));
    BlockView tcp1 = call.tree().get(2);
    PeerConnection peer = world.peerOf(c1);
    assertThat(tcp1.status()).as("snapshot taken at the call").isEqualTo(NdisStatus.PENDING);
    assertThat(tcp1.delegated().sndUna()).hasValue(HostStack.ISN_BASE + 1);
    assertThat(tcp1.delegated().sndNxt()).hasValue(HostStack.ISN_BASE + 1);
    assertThat(tcp1.delegated().sndMax()).hasValue(HostStack.ISN_BASE + 1);
    assertThat(tcp1.delegated().rcvNxt()).hasValue(peer.iss() + 1);
    assertThat(tcp1.delegated().state()).isEqualTo(TcpConnectionState.ESTABLISHED);
    assertThat(tcp1.chain()).as("no send data handed over: NULL chain").isNull();

    Event.Upcall done = world.upcalls(Api.INITIATE_OFFLOAD_COMPLETE).get(0);
    assertThat(done.seq()).isEqualTo(result.completionEvent());
    assertThat(done.tree()).extracting(BlockView::status)
        .containsExactlyElementsOf(result.statuses().values());
  }

  @Test
  void everyCallReturnAndUpcallIsLoggedInOrderWithSnapshots() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);

    List<NetBufferList> sent = world.host.send(c, bytes("hello "), bytes("world"));
    world.host.awaitSendCompletions(c, 2);

    Event.Call call = world.calls(Api.TCP_OFFLOAD_SEND).get(0);
    assertThat(call.nbls()).as("NBL snapshots at the call")
        .containsExactly(new NblView(sent.get(0).id(), NdisStatus.SUCCESS, 6, 1),
            new NblView(sent.get(1).id(), NdisStatus.SUCCESS, 5, 1));
    List<Event> log = world.session.log().events();
    Event.Returned returned = world.events(Event.Returned.class).stream()
        .filter(r -> r.callSeq() == call.seq()).findFirst().orElseThrow();
    assertThat(returned.seq()).as("Returned follows its Call").isGreaterThan(call.seq());
    assertThat(returned.api()).isEqualTo(Api.TCP_OFFLOAD_SEND);
    assertThat(returned.status()).isEqualTo(NdisStatus.PENDING);
    Event.Upcall completion = world.upcalls(Api.TCP_OFFLOAD_SEND_COMPLETE).get(0);
    assertThat(completion.seq()).isGreaterThan(returned.seq());
    assertThat(completion.connection()).isEqualTo("TCP1");
    assertThat(completion.hostThread()).isTrue();
    assertThat(world.upcalls(Api.TCP_OFFLOAD_SEND_COMPLETE).stream().flatMap(u -> u.nbls().stream()))
        .as("completion snapshots, in order").extracting(NblView::id, NblView::status)
        .containsExactly(tuple(sent.get(0).id(), NdisStatus.SUCCESS), tuple(sent.get(1).id(), NdisStatus.SUCCESS));
    for (int i = 0; i < log.size(); i++) {
      assertThat(log.get(i).seq()).as("event numbering").isEqualTo(i + 1L);
    }
    assertThat(world.peerOf(c).received()).isEqualTo(bytes("hello world"));
    assertThat(sent).extracting(NetBufferList::id).as("NBL ids from 1 in creation order").containsExactly(1L, 2L);
  }

  @Test
  void aThrowingHandlerIsRecordedAndNotPropagated() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);
    world.target.throwOnSend = true;

    world.host.send(c, bytes("x"));

    Event.Returned r = world.events(Event.Returned.class).stream()
        .filter(e -> e.api() == Api.TCP_OFFLOAD_SEND).findFirst().orElseThrow();
    assertThat(r.thrown()).contains("IllegalStateException").contains("stub send handler broke");
    assertThat(r.status()).isNull();
    assertThat(r.describe()).contains("returned by throwing");
  }

  @Test
  void aSecondCompletionIsRecordedTwiceAndFlagged() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);
    world.target.completeSendsTwice = true;

    List<NetBufferList> sent = world.host.send(c, bytes("twice"));
    world.host.awaitSendCompletions(c, 1);
    world.session.clock().runFor(Timeouts.DEFAULTS.quiet().toNanos());

    List<Event.Upcall> completions = world.upcalls(Api.TCP_OFFLOAD_SEND_COMPLETE);
    assertThat(completions).as("both completions are in the log").hasSize(2);
    assertThat(c.sendsCompleted()).as("counted once").isEqualTo(1);
    assertThat(world.host.anomalies()).singleElement().asString()
        .contains("NBL #" + sent.get(0).id())
        .contains("event #" + completions.get(1).seq())
        .contains("second time (first at event #" + completions.get(0).seq() + ")");
  }

  @Test
  void aTimeoutNamesTheTimeoutAndWhatWasAwaited() {
    HostConnection c = world.connect(LOCAL_1, PEER_1);
    world.host.offload(c);
    world.target.neverCompleteSends = true;
    List<NetBufferList> sent = world.host.send(c, bytes("never"));

    assertThatThrownBy(() -> world.host.awaitSendCompletions(c, 1))
        .isInstanceOf(HarnessTimeoutException.class)
        .hasMessageStartingWith("timeout 'completion' (2000 ms) waiting for send completion of NBL #"
            + sent.get(0).id());
  }

  @Test
  void aHandshakeWithNobodyListeningTimesOutNamingTheTimeout() {
    assertThatThrownBy(() -> world.host.connect(LOCAL_1, PEER_1))
        .isInstanceOf(HarnessTimeoutException.class)
        .hasMessage("timeout 'completion' (2000 ms) waiting for SYN-ACK from " + PEER_1 + " to establish TCP1");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
