package dev.chimney.host;

import static dev.chimney.host.StubWorld.LOCAL_1;
import static dev.chimney.host.StubWorld.PEER_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.spi.Capability;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import dev.chimney.wire.CapturedPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
  @Test
  void artifactsHoldTheCaptureWithHostEventsAsCommentsAndOneLinePerEvent(@TempDir Path dir) throws IOException {
    List<CapturedPacket> packets;
    try (StubWorld world = new StubWorld()) {
      world.connect(LOCAL_1, PEER_1);
      world.session.writeArtifacts(dir, "handshake");
      packets = world.session.link().packets();

      List<String> lines = Files.readAllLines(dir.resolve("handshake.events.txt"), StandardCharsets.UTF_8);
      assertThat(lines).hasSize(world.session.log().events().size());
      assertThat(lines.get(0)).isEqualTo("#1 0.000000000 host: MiniportSendNetBufferLists(TCP1)");
    }
    assertThat(Files.size(dir.resolve("handshake.pcapng"))).isPositive();
    assertThat(packets.get(0).comments()).as("the SYN carries the call that sent it")
        .containsExactly("#1 host: MiniportSendNetBufferLists(TCP1)");
    assertThat(packets.get(2).comments()).as("the ACK carries the SYN-ACK indication and the call")
        .anySatisfy(text -> assertThat(text).contains("NdisMIndicateReceiveNetBufferLists(TCP1)"))
        .anySatisfy(text -> assertThat(text).contains("host: MiniportSendNetBufferLists(TCP1)"));
  }

  @Test
  void closeHaltsTheTargetOnce() {
    CountingProvider provider = new CountingProvider(null);
    Session session = Session.open(provider, Map.of(), Timeouts.DEFAULTS);
    session.close();
    session.close();
    assertThat(provider.closes).as("MiniportHaltEx calls").isEqualTo(1);
  }

  @Test
  void aProviderThatFailsGivesTargetStartExceptionWithItsReason() {
    CountingProvider provider = new CountingProvider(new IllegalStateException("no NIC found"));
    assertThatThrownBy(() -> Session.open(provider, Map.of(), Timeouts.DEFAULTS))
        .isInstanceOf(TargetStartException.class)
        .hasMessage("target 'counting' failed to start: no NIC found");
  }

  @Test
  void aTargetWithoutVirtualTimeRunsOnTheRealTimeClock() {
    OffloadTargetProvider realTime = new CountingProvider(null) {
      @Override
      public Set<Capability> capabilities() {
        return Set.of();
      }
    };
    try (Session session = Session.open(realTime, Map.of(), Timeouts.DEFAULTS)) {
      assertThat(session.clock()).isInstanceOf(RealTimeClock.class);
    }
  }

  @Test
  void targetFaultsNameEachUpcallOutOfOrder() {
    try (StubWorld world = new StubWorld()) {
      HostConnection c = world.connect(LOCAL_1, PEER_1);
      world.host.offload(c);
      world.target.completeSendsTwice = true;
      List<NetBufferList> sent = world.host.send(c, HostStackTest.bytes("twice"));
      world.host.awaitSendCompletions(c, 1);
      world.session.clock().runFor(Timeouts.DEFAULTS.quiet().toNanos());

      assertThat(world.session.targetFaults()).singleElement().asString()
          .startsWith("host anomaly: NdisTcpOffloadSendComplete of NBL #" + sent.get(0).id())
          .contains("completed a second time");
    }
  }

  @Test
  void targetFaultsLeaveOutTheHostsReconstructionOfAReturnedStream() {
    try (StubWorld world = new StubWorld()) {
      HostConnection c = world.connect(LOCAL_1, PEER_1);
      world.host.offload(c);
      world.target.returnedSndUnaShift = -100;
      world.host.terminate(c);

      assertThat(world.host.anomalies()).singleElement().asString()
          .startsWith("TCP1 terminate at event #").contains("is not within the returned send data");
      assertThat(world.session.targetFaults()).isEmpty();
    }
  }

  /** Creates stub targets (or fails with {@code failure}) and counts their halts. */
  private static class CountingProvider implements OffloadTargetProvider {
    private final RuntimeException failure;
    int closes;

    CountingProvider(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public String description() {
      return "counts halts";
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of(Capability.VIRTUAL_TIME);
    }

    @Override
    public OffloadTarget create(TargetContext context) {
      if (failure != null) {
        throw failure;
      }
      return new StubTarget(context) {
        @Override
        public void close() {
          closes++;
        }
      };
    }
  }
}
