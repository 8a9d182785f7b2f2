package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.HostConnection;
import dev.chimney.peer.PeerConnection;
import dev.chimney.wire.Direction;
import dev.chimney.wire.TcpSegment;
import io.cucumber.java.en.When;
import io.cucumber.java.en.Then;
import java.util.List;

/**
 * Forwarded segments. The host forwards segments the peer sent that reached the host rather than
 * the target (another interface of a multihomed host, say): the peer sends them as usual, and the
 * step diverts them from the target's wire port to the host, which forwards them.
 */
public final class ForwardSteps {
  private final World world;

  public ForwardSteps(World world) {
    this.world = world;
  }

  @When("the host forwards {int} segments of {int} bytes from the peer")
  public void theHostForwards(int n, int bytes) {
    world.session().host().forward(world.connection(), divert(n, bytes).toArray(TcpSegment[]::new));
  }

  @When("the host forwards the peer's last segment again")
  public void theHostForwardsTheLastSegmentAgain() {
    HostConnection c = world.connection();
    List<Event.Packet> fromPeer = world.log().packets(c.name(), Direction.TO_TARGET);
    TcpSegment last = fromPeer.stream().map(Event.Packet::segment).filter(s -> s.payloadLength() > 0)
        .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("the peer has sent no data yet"));
    world.session().host().forward(c, last);
  }

  @When("the host terminates the offload while forwarding {int} segments of {int} bytes from the peer")
  public void theHostTerminatesWhileForwarding(int n, int bytes) {
    HostConnection c = world.connection();
    List<TcpSegment> segments = divert(n, bytes);
    world.terminateCallSeq = world.session().log().events().size();
    world.session().host().beginTerminate(c);
    world.session().host().forward(c, segments.toArray(TcpSegment[]::new));
    world.lastTerminate = world.session().host().terminate(c);
  }

  @Then("the host forwarded nothing while the terminate was in progress")
  public void theHostForwardedNothingDuringTheTerminate() {
    HostConnection c = world.connection();
    long done = world.lastTerminate.upload(c).completionEvent();
    List<String> forwards = world.log().between(world.terminateCallSeq, done).stream()
        .filter(e -> e instanceof Event.Call call && call.api() == Api.TCP_OFFLOAD_FORWARD)
        .map(Event::describe).toList();
    assertThat(forwards).as("FWD-5: MiniportTcpOffloadForward calls during the terminate of %s", c.name()).isEmpty();
  }

  /** The peer sends {@code n} segments of {@code bytes}; they reach the host instead of the target. */
  private List<TcpSegment> divert(int n, int bytes) {
    HostConnection c = world.connection();
    PeerConnection p = world.peerSide(c);
    return p.sendElsewhere(world.nextPeerBytes(c, n * bytes), bytes);
  }
}
