package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.PEER;
import static dev.chimney.rules.monitor.Script.TARGET;
import static dev.chimney.rules.monitor.Script.delegated;
import static dev.chimney.rules.monitor.Script.nbl;
import static dev.chimney.rules.monitor.Script.oneConnection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tracker's own bookkeeping, fed event by event: what it keeps of calls whose return is owed,
 * the connections it knows with and without a map, and the types of the objects trees named.
 */
class ConnectionTrackerTest {
  private final ConnectionTracker tracker = new ConnectionTracker();
  private long seq;

  private Event.Call call(Api api, String connection, List<NblView> nbls, List<BlockView> tree) {
    Event.Call c = new Event.Call(++seq, 0, api, connection, nbls, null, tree);
    tracker.onEvent(c);
    return c;
  }

  private void returned(Event.Call c, NdisStatus status) {
    tracker.onEvent(new Event.Returned(++seq, 0, c.seq(), c.api(), c.connection(), status, null));
  }

  private void upcall(Api api, String connection, List<NblView> nbls, List<BlockView> tree) {
    tracker.onEvent(new Event.Upcall(++seq, 0, api, connection, nbls, tree, null, null, null, true));
  }

  private void packet(Direction direction, String connection, long seqNumber, long ack, int flags, int length) {
    TcpSegment s = TcpSegment.ofLength(direction == Direction.TO_PEER ? TARGET : PEER,
        direction == Direction.TO_PEER ? PEER : TARGET, seqNumber, ack, flags, 65535, TcpOptions.NONE, length);
    tracker.onEvent(new Event.Packet(++seq, 0, (int) seq, direction, s, connection));
  }

  @Test
  void anInitiateReturningOtherThanPendingAfterLaterCallsStillHandsTheConnectionBack() {
    Event.Call initiate = call(Api.INITIATE_OFFLOAD, null, List.of(),
        oneConnection("TCP1", NdisStatus.PENDING, delegated(1001, 1001, 1001, 5001)));
    Event.Call send = call(Api.TCP_OFFLOAD_SEND, "TCP1", List.of(nbl(1, 100)), List.of());
    returned(send, NdisStatus.PENDING);
    returned(initiate, NdisStatus.SUCCESS);

    assertThat(tracker.connection("TCP1").phase).as("phase after the initiate returned SUCCESS").isEqualTo(Phase.HOST_OWNED);
    upcall(Api.INITIATE_OFFLOAD_COMPLETE, null, List.of(), oneConnection("TCP1", NdisStatus.SUCCESS, null));
    assertThat(tracker.lastInitiateCompletion().call()).as("the returned initiate is no longer pending").isNull();
  }

  @Test
  void anInitiateWithoutAReturnStaysPendingUntilItsCompletion() {
    Event.Call initiate = call(Api.INITIATE_OFFLOAD, null, List.of(),
        oneConnection("TCP1", NdisStatus.PENDING, delegated(1001, 1001, 1001, 5001)));
    upcall(Api.INITIATE_OFFLOAD_COMPLETE, null, List.of(), oneConnection("TCP1", NdisStatus.SUCCESS, null));

    assertThat(tracker.lastInitiateCompletion().call()).isSameAs(initiate);
    assertThat(tracker.connection("TCP1").phase).isEqualTo(Phase.OFFLOADED);
  }

  @Test
  void connectionsKeepTheOrderOfFirstSight() {
    packet(Direction.TO_PEER, "TCP2", 1, 0, TcpFlag.SYN.bit(), 0);
    packet(Direction.TO_PEER, "TCP1", 1, 0, TcpFlag.SYN.bit(), 0);
    packet(Direction.TO_PEER, "TCP2", 2, 0, 0, 10);
    packet(Direction.TO_PEER, "TCP3", 1, 0, TcpFlag.SYN.bit(), 0);

    assertThat(tracker.connections()).extracting(c -> c.name).containsExactly("TCP2", "TCP1", "TCP3");
    assertThat(tracker.connection("TCP2").highestSentSeqEnd).isEqualTo(12);
    assertThat(tracker.connection("TCP4")).isNull();
  }

  @Test
  void aReceiveIndicationOnTheOnlyConnectionIsDelivered() {
    packet(Direction.TO_TARGET, "TCP1", 5001, 1001, TcpFlag.ACK.bit(), 50);
    upcall(Api.TCP_OFFLOAD_RECEIVE_INDICATE, "TCP1", List.of(nbl(-1, 50)), List.of());

    assertThat(tracker.connection("TCP1").delivered).isEqualTo(50);
  }

  @Test
  void anObjectHasTheTypeItsLatestTreeGaveIt() {
    call(Api.INITIATE_OFFLOAD, null, List.of(), oneConnection("TCP1", NdisStatus.PENDING, null));
    packet(Direction.TO_PEER, "TCP9", 1, 0, TcpFlag.SYN.bit(), 0);

    assertThat(tracker.typeOf("Neighbor1")).isEqualTo(OffloadStateType.NEIGHBOR);
    assertThat(tracker.typeOf("Path1")).isEqualTo(OffloadStateType.PATH);
    assertThat(tracker.typeOf("TCP1")).isEqualTo(OffloadStateType.TCP);
    assertThat(tracker.typeOf("TCP9")).as("a connection no tree named").isNull();
    assertThat(tracker.typeOf(null)).isNull();

    call(Api.TERMINATE_OFFLOAD, null, List.of(),
        List.of(Script.block("TCP1", null, OffloadStateType.PATH, NdisStatus.PENDING),
            Script.tcp("Path1", "TCP1", NdisStatus.PENDING, null, null)));
    assertThat(tracker.typeOf("TCP1")).isEqualTo(OffloadStateType.PATH);
    assertThat(tracker.typeOf("Path1")).isEqualTo(OffloadStateType.TCP);
  }

  @Test
  void sequenceNumbersAreUnknownUntilTheWireShowsThem() {
    packet(Direction.TO_PEER, "TCP1", 0xFFFF_FFF0L, 0, TcpFlag.SYN.bit(), 0);
    TrackedConnection conn = tracker.connection("TCP1");
    assertThat(conn.highestPeerAck).isEqualTo(SeqNum.NONE);
    assertThat(conn.highestTargetAck).isEqualTo(SeqNum.NONE);
    assertThat(conn.highestSentDataEnd).isEqualTo(SeqNum.NONE);

    packet(Direction.TO_PEER, "TCP1", 0xFFFF_FFF1L, 5001, TcpFlag.ACK.bit(), 32);
    packet(Direction.TO_TARGET, "TCP1", 5001, 0x11, TcpFlag.ACK.bit(), 0);
    assertThat(conn.highestSentDataEnd).as("data end across the wrap").isEqualTo(0x11);
    assertThat(conn.highestSentSeqEnd).isEqualTo(0x11);
    assertThat(conn.highestTargetAck).isEqualTo(5001);
    assertThat(conn.highestPeerAck).isEqualTo(0x11);
    assertThat(conn.peerFinSeqEnd).isEqualTo(SeqNum.NONE);
  }
}
