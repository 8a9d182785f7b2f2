package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.HostConnection;
import dev.chimney.peer.AckPolicy;
import dev.chimney.peer.PeerConnection;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;

/** What the remote peer does, and what it and the host end up with. */
public final class PeerSteps {
  private final World world;

  public PeerSteps(World world) {
    this.world = world;
  }

  @Given("the peer withholds its acknowledgments")
  public void thePeerWithholds() {
    peer().setAckPolicy(AckPolicy.NONE);
  }

  @Given("the peer acknowledges at most {int} bytes")
  public void thePeerAcknowledgesAtMost(int bytes) {
    peer().setAckPolicy(AckPolicy.upTo(bytes));
  }

  @Given("the peer advertises a window of {int} bytes")
  public void thePeerAdvertisesAWindow(int bytes) {
    peer().setReceiveWindow(bytes);
    peer().ackNow();
    world.pass(world.run.timeouts.quiet().toNanos());
  }

  @Given("the peer loses the next {int} segments from the target")
  public void thePeerLoses(int n) {
    peer().dropNextFromTarget(n);
  }

  @Given("the host consumes no indicated data")
  public void theHostConsumesNoIndicatedData() {
    world.hostConsumesIndications = false;
    world.allConnections().forEach(c -> world.session().host().setConsumesIndications(c, false));
  }

  @When("the peer acknowledges everything")
  public void thePeerAcknowledgesEverything() {
    peer().setAckPolicy(AckPolicy.ALL);
    peer().ackNow();
  }

  @When("the peer sends {int} bytes")
  public void thePeerSends(int bytes) {
    if (bytes == 0) {
      return;
    }
    HostConnection c = world.connection();
    PeerConnection p = peer();
    if (world.peerClosed) {
      // After its FIN or RST the peer has no more stream to send: these bytes are a stray segment.
      p.sendSegment(p.sndNxt(), p.rcvNxt(), TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH), world.nextPeerBytes(c, bytes));
      world.pass(world.run.timeouts.quiet().toNanos());
      return;
    }
    p.send(world.nextPeerBytes(c, bytes));
    world.settle(() -> p.sndUna() == p.sndNxt());
  }

  private void thePeerSendsAFin() {
    PeerConnection p = peer();
    p.sendFin();
    world.peerClosed = true;
    world.settle(() -> p.sndUna() == p.sndNxt());
  }

  @When("the peer sends an RST")
  public void thePeerSendsAnRst() {
    peer().sendRst();
    world.peerClosed = true;
    world.pass(world.run.timeouts.quiet().toNanos());
  }

  @When("the peer sends a {word}")
  public void thePeerSendsA(String what) {
    switch (what) {
      case "FIN" -> thePeerSendsAFin();
      case "RST" -> thePeerSendsAnRst();
      default -> throw new IllegalArgumentException("the peer sends a FIN or an RST, not " + what);
    }
  }

  @Then("the peer has received {int} bytes")
  public void thePeerHasReceived(int bytes) {
    PeerConnection p = peer();
    world.awaitDelivery(() -> p.receivedLength() >= bytes, bytes + " bytes at the peer (has " + p.receivedLength() + ")");
    assertThat(p.receivedLength()).as("bytes the peer received").isEqualTo(bytes);
  }

  @Then("the peer has received {int} bytes exactly once, in order")
  public void thePeerHasReceivedExactlyOnce(int bytes) {
    PeerConnection p = peer();
    world.awaitDelivery(() -> p.receivedLength() >= bytes, bytes + " bytes at the peer (has " + p.receivedLength() + ")");
    world.pass(world.run.timeouts.quiet().toNanos());
    byte[] expected = Payload.of(0, bytes, 1);
    byte[] actual = p.received();
    assertThat(actual.length).as("bytes the peer received: none lost, none repeated").isEqualTo(bytes);
    assertThat(firstDifference(expected, actual)).as("first byte that differs from the host's stream").isEqualTo(-1);
  }

  @Then("the peer has received at most {int} bytes")
  public void thePeerHasReceivedAtMost(int bytes) {
    world.pass(world.run.timeouts.quiet().toNanos());
    assertThat(peer().receivedLength()).as("bytes the peer received").isLessThanOrEqualTo(bytes);
  }

  @Then("the host has received {int} bytes")
  public void theHostHasReceived(int bytes) {
    HostConnection c = world.connection();
    if (bytes > 0) {
      world.session().host().awaitReceived(c, bytes);
    }
    world.pass(world.run.timeouts.quiet().toNanos());
    assertThat(c.receivedLength()).as("bytes the host received on %s", c.name()).isEqualTo(bytes);
    assertThat(firstDifference(Payload.of(0, bytes, 2), c.received()))
        .as("first byte the host received that differs from the peer's stream").isEqualTo(-1);
  }

  @Then("the target acknowledged {int} bytes from the peer")
  public void theTargetAcknowledged(int bytes) {
    HostConnection c = world.connection();
    PeerConnection p = peer();
    long dataStart = SeqNum.add(p.iss(), 1);
    world.awaitDelivery(() -> LogQueries.highestAck(world.log().packets(c.name(), Direction.TO_PEER), dataStart) >= bytes,
        "an acknowledgment of " + bytes + " bytes from the target");
  }

  private PeerConnection peer() {
    return world.peerSide(world.connection());
  }

  private static int firstDifference(byte[] expected, byte[] actual) {
    int n = Math.min(expected.length, actual.length);
    int i = Arrays.mismatch(Arrays.copyOf(expected, n), Arrays.copyOf(actual, n));
    return i >= 0 ? i : expected.length == actual.length ? -1 : n;
  }
}
