package dev.chimney.nic;

import static dev.chimney.nic.NicFixture.ONE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.TargetContext;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Initiate offload: the parent-first walk and the statuses of partial offloads and failures. */
class OffloadTreeTest {

  @Test
  @Tag("PAR-4")
  @Tag("PAR-5")
  @Tag("PAR-6")
  @Tag("PAR-7")
  void thePartialOffloadOfTheSpecificationFigureGetsExactlyItsStatuses() {
    NicFixture fx = new NicFixture(Map.of(TargetContext.MAX_OFFLOADED_CONNECTIONS, "1"));
    OffloadBlockList tcp1 = NicFixture.tcpBlock("TCP1", 40_001, NicFixture.established());
    OffloadBlockList tcp2 = NicFixture.tcpBlock("TCP2", 40_002, NicFixture.established());
    OffloadBlockList tcp3 = NicFixture.tcpBlock("TCP3", 40_003, NicFixture.established());
    OffloadBlockList path1 = NicFixture.pathBlock("Path1", NicFixture.TARGET, NicFixture.PEER)
        .addDependent(tcp1).addDependent(tcp2);
    OffloadBlockList path2 = NicFixture.pathBlock("Path2", NicFixture.NOT_OURS, NicFixture.PEER_2)
        .addDependent(tcp3);
    OffloadBlockList neighbor1 = NicFixture.neighborBlock().addDependent(path1).addDependent(path2);

    assertThat(fx.nic.initiateOffload(neighbor1)).isEqualTo(NdisStatus.PENDING);
    assertThat(fx.host.calls()).as("completion deferred until the handler returned").isEmpty();
    fx.clock.advance(ONE_MS);

    assertThat(neighbor1.status()).as("PAR-7: Neighbor1 (Path2 not offloaded)").isEqualTo(NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
    assertThat(path1.status()).as("PAR-7: Path1 (TCP2 not offloaded)").isEqualTo(NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
    assertThat(tcp1.status()).as("PAR-7: TCP1").isEqualTo(NdisStatus.SUCCESS);
    assertThat(tcp2.status()).as("PAR-6: TCP2 over the connection limit").isEqualTo(NdisStatus.RESOURCES);
    assertThat(path2.status()).as("PAR-5: Path2 from an address not ours").isEqualTo(NdisStatus.FAILURE);
    assertThat(tcp3.status()).as("PAR-5: TCP3 not attempted").isEqualTo(NdisStatus.FAILURE);
    assertThat(fx.host.calls("initiateOffloadComplete")).as("PAR-1: one completion with the root;%s", fx.callLog())
        .singleElement().satisfies(c -> assertThat(c.subject()).isSameAs(neighbor1));
    assertThat(tcp1.miniportOffloadContext()).as("TCP1 has a context").isNotNull();
    assertThat(tcp2.miniportOffloadContext()).as("TCP2 has none").isNull();
  }

  @Test
  @Tag("PAR-2")
  @Tag("PAR-3")
  void aFailedConnectionsSendDataIsLeftAlone() {
    NicFixture fx = new NicFixture(Map.of(TargetContext.MAX_OFFLOADED_CONNECTIONS, "0"));
    NetBufferList data = fx.hostList(100, 0);
    data.setStatus(NdisStatus.PENDING);
    OffloadBlockList tcp = NicFixture.tcpBlock("TCP1", NicFixture.LOCAL_PORT, NicFixture.established());
    tcp.setNetBufferListChain(data);
    OffloadBlockList root = NicFixture.neighborBlock()
        .addDependent(NicFixture.pathBlock("Path1", NicFixture.TARGET, NicFixture.PEER).addDependent(tcp));

    fx.nic.initiateOffload(root);
    fx.clock.advance(TcpTimers.MAX_RTO_NANOS);

    assertThat(tcp.status()).as("PAR-6").isEqualTo(NdisStatus.RESOURCES);
    assertThat(data.status()).as("PAR-2: the list's Status is untouched").isEqualTo(NdisStatus.PENDING);
    assertThat(fx.host.calls("tcpOffloadSendComplete")).as("PAR-3: never send-completed;%s", fx.callLog()).isEmpty();
    assertThat(fx.wire.sent()).as("and never sent;%s", fx.wireLog()).isEmpty();
    assertThat(root.dependentBlockList().status()).as("PAR-7: Path1, whose TCP1 was not offloaded")
        .isEqualTo(NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
    assertThat(root.status()).as("PAR-7: Neighbor1, whose only dependent Path1 was offloaded")
        .isEqualTo(NdisStatus.SUCCESS);
  }

  @Test
  @Tag("PAR-5")
  void aFailureOtherThanResourcesStopsTheWalkBeforeLaterSiblings() {
    NicFixture fx = new NicFixture();
    OffloadBlockList tcp3 = NicFixture.tcpBlock("TCP3", 40_003, NicFixture.established());
    OffloadBlockList tcp1 = NicFixture.tcpBlock("TCP1", 40_001, NicFixture.established());
    OffloadBlockList path2 = NicFixture.pathBlock("Path2", NicFixture.NOT_OURS, NicFixture.PEER_2).addDependent(tcp3);
    OffloadBlockList path1 = NicFixture.pathBlock("Path1", NicFixture.TARGET, NicFixture.PEER).addDependent(tcp1);
    OffloadBlockList neighbor1 = NicFixture.neighborBlock().addDependent(path2).addDependent(path1);

    fx.nic.initiateOffload(neighbor1);
    fx.clock.advance(ONE_MS);

    assertThat(path2.status()).as("PAR-5: Path2 fails").isEqualTo(NdisStatus.FAILURE);
    assertThat(path1.status()).as("PAR-5: Path1, after Path2, not attempted").isEqualTo(NdisStatus.FAILURE);
    assertThat(tcp1.status()).as("PAR-5: TCP1 not attempted").isEqualTo(NdisStatus.FAILURE);
    assertThat(tcp1.miniportOffloadContext()).as("PAR-5: TCP1 was not taken over").isNull();
    assertThat(neighbor1.status()).as("PAR-7").isEqualTo(NdisStatus.OFFLOAD_PARTIAL_SUCCESS);
  }

  @Test
  @Tag("PAR-4")
  void aRootThatCannotBeOffloadedStopsTheWalk() {
    NicFixture fx = new NicFixture();
    OffloadBlockList tcp = NicFixture.tcpBlock("TCP1", NicFixture.LOCAL_PORT, NicFixture.established());
    OffloadBlockList path = NicFixture.pathBlock("Path1", NicFixture.TARGET, NicFixture.PEER).addDependent(tcp);

    fx.nic.initiateOffload(path);
    fx.clock.advance(ONE_MS);

    assertThat(path.status()).as("PAR-4: a path cannot be a root").isEqualTo(NdisStatus.FAILURE);
    assertThat(tcp.status()).as("PAR-5: not attempted").isEqualTo(NdisStatus.FAILURE);
  }
}
