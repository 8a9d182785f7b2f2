package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Event;
import dev.chimney.host.HostConnection;
import dev.chimney.peer.PeerConnection;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Graceful and abortive disconnects, and what the target puts on the wire for them. */
public final class DisconnectSteps {
  private final World world;

  public DisconnectSteps(World world) {
    this.world = world;
  }

  @When("the host requests a(n) {word} disconnect with {int} bytes of data")
  public void theHostRequestsADisconnect(String kind, int bytes) {
    HostConnection c = world.connection();
    DisconnectFlags flags = switch (kind) {
      case "graceful" -> DisconnectFlags.GRACEFUL_CLOSE;
      case "abortive" -> DisconnectFlags.ABORTIVE_CLOSE;
      default -> throw new IllegalArgumentException("a disconnect is graceful or abortive, not " + kind);
    };
    world.session().host().disconnect(c, flags, world.nextHostBytes(c, bytes));
  }

  @When("the host requests an abortive disconnect")
  public void theHostRequestsAnAbortiveDisconnect() {
    world.session().host().disconnect(world.connection(), DisconnectFlags.ABORTIVE_CLOSE);
  }

  @Then("the disconnect completes with {status}")
  public void theDisconnectCompletesWith(NdisStatus status) {
    HostConnection c = world.connection();
    world.session().host().awaitDisconnectComplete(c);
    assertThat(c.disconnectStatus()).as("Status of the disconnect of %s", c.name()).isEqualTo(status);
  }

  @Then("the disconnect completes")
  public void theDisconnectCompletes() {
    world.session().host().awaitDisconnectComplete(world.connection());
  }

  @Then("the target sends a FIN one past the last data byte")
  public void theTargetSendsAFin() {
    HostConnection c = world.connection();
    PeerConnection p = world.peerSide(c);
    world.awaitDelivery(() -> fins(c).size() > 0, "a FIN from the target on " + c.name());
    long dataBytes = world.hostStreamSent.getOrDefault(c.name(), 0L);
    long expected = SeqNum.add(p.irs(), 1 + dataBytes);
    Event.Packet fin = fins(c).get(0);
    TcpSegment s = fin.segment();
    long finSeq = SeqNum.add(s.seq(), s.payloadLength());
    assertThat(finSeq).as("DSC-7: sequence number of the FIN (packet %d), one past the %d data bytes",
        fin.packetNumber(), dataBytes).isEqualTo(expected);
  }

  @Then("the target sends an RST")
  public void theTargetSendsAnRst() {
    HostConnection c = world.connection();
    world.awaitDelivery(() -> !world.log().rstsFromTarget(c.name()).isEmpty(), "an RST from the target on " + c.name());
  }

  @Then("the target sent no RST")
  public void theTargetSentNoRst() {
    world.pass(world.run.timeouts.quiet().toNanos());
    for (HostConnection c : world.allConnections()) {
      assertThat(world.log().rstsFromTarget(c.name())).as("DSC-3: RST segments from the target on %s", c.name())
          .extracting(Event.Packet::describe).isEmpty();
    }
  }

  @Then("the target acknowledges nothing after the RST")
  public void theTargetAcknowledgesNothingAfterTheRst() {
    HostConnection c = world.connection();
    world.pass(world.run.timeouts.quiet().toNanos());
    List<Event.Packet> fromTarget = world.log().packets(c.name(), Direction.TO_PEER);
    Event.Packet rst = world.log().rstsFromTarget(c.name()).get(0);
    List<String> after = fromTarget.stream().filter(p -> p.seq() > rst.seq()).map(Event.Packet::describe).toList();
    assertThat(after).as("DSC-5: segments from the target after its RST (packet %d)", rst.packetNumber()).isEmpty();
  }

  @Then("the target indicates the peer's disconnect")
  public void theTargetIndicatesThePeersDisconnect() {
    HostConnection c = world.connection();
    world.awaitDelivery(c::peerDisconnectIndicated, "TcpIndicateDisconnect on " + c.name());
  }

  @When("the target indicates the peer's abort")
  public void theTargetIndicatesThePeersAbort() {
    HostConnection c = world.connection();
    world.awaitDelivery(c::abortIndicated, "TcpIndicateAbort on " + c.name());
  }

  private List<Event.Packet> fins(HostConnection c) {
    return world.log().packets(c.name(), Direction.TO_PEER).stream().filter(p -> p.segment().has(TcpFlag.FIN)).toList();
  }
}
