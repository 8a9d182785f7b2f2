package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.ConnectionPhase;
import dev.chimney.host.Event;
import dev.chimney.host.HostConnection;
import dev.chimney.host.TerminateResult;
import dev.chimney.peer.AckPolicy;
import dev.chimney.peer.PeerConnection;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;

/** Terminations the target asks for (TcpIndicateRetrieve, UPLOAD_ALL), and failover to a second NIC. */
public final class RetrieveSteps {
  private final World world;

  public RetrieveSteps(World world) {
    this.world = world;
  }

  @When("the target requests the termination of connection {word}")
  public void theTargetRequestsTermination(String name) {
    theTargetRequestsTerminationTimes(name, 1);
  }

  @When("the target requests the termination of connection {word} {int} times")
  public void theTargetRequestsTerminationTimes(String name, int times) {
    HostConnection c = world.connection(name);
    for (int i = 0; i < times; i++) {
      world.session().host().requestRetrieve(c);
    }
  }

  @Then("the host terminates connection {word} only")
  public void theHostTerminatesOnly(String name) {
    HostConnection c = world.connection(name);
    world.session().host().awaitTerminated(c);
    world.pass(world.run.timeouts.quiet().toNanos());
    for (HostConnection other : world.allConnections()) {
      if (other != c) {
        assertThat(world.log().calls(Api.TERMINATE_OFFLOAD, other.name())).as("terminates of %s", other.name()).isEmpty();
        assertThat(other.phase()).as("%s after the retrieve of %s", other.name(), name).isEqualTo(ConnectionPhase.OFFLOADED);
      }
    }
    world.lastTerminate = new TerminateResult(Map.of(c.name(), c.lastUpload().status()), Map.of(c.name(), c.lastUpload()));
  }

  @Then("the host terminated it once")
  public void theHostTerminatedItOnce() {
    HostConnection c = world.connection();
    assertThat(world.log().calls(Api.TERMINATE_OFFLOAD, c.name())).as("TRM-4: terminates of %s", c.name()).hasSize(1);
  }

  @When("the target indicates NDIS_STATUS_UPLOAD_ALL")
  public void theTargetIndicatesUploadAll() {
    world.session().host().requestUploadAll();
  }

  @Then("the host terminates every connection offloaded to the target")
  public void theHostTerminatesEveryConnection() {
    for (HostConnection c : world.allConnections()) {
      world.session().host().awaitTerminated(c);
    }
  }

  @Then("the target indicates NDIS_STATUS_OFFLOAD_RESUME")
  public void theTargetIndicatesOffloadResume() {
    world.awaitDelivery(() -> !resumes().isEmpty(), "NdisMIndicateStatusEx(NDIS_STATUS_OFFLOAD_RESUME)");
  }

  @Then("the host offloaded nothing between UPLOAD_ALL and OFFLOAD_RESUME")
  public void theHostOffloadedNothingInBetween() {
    long uploadAll = statusIndications(NdisStatus.UPLOAD_ALL).get(0).seq();
    long resume = resumes().get(0).seq();
    List<String> initiates = world.log().between(uploadAll, resume).stream()
        .filter(e -> e instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD).map(Event::describe).toList();
    assertThat(initiates).as("TRM-7: initiates between event #%d and event #%d", uploadAll, resume).isEmpty();
  }

  @Given("the connection is in the state {string}")
  public void theConnectionIsInTheState(String state) {
    HostConnection c = world.connection();
    PeerConnection p = world.peerSide(c);
    switch (state) {
      case "established, idle" -> { }
      case "sends outstanding" -> {
        p.setAckPolicy(AckPolicy.NONE);
        world.session().host().send(c, world.nextHostBytes(c, 1000), world.nextHostBytes(c, 1000));
      }
      case "receives posted" -> world.session().host().postReceive(c, 4096, 4096);
      case "FIN sent" -> {
        world.session().host().disconnect(c, DisconnectFlags.GRACEFUL_CLOSE);
        world.awaitDelivery(p::finReceived, "the target's FIN at the peer");
      }
      case "FIN received" -> {
        p.sendFin();
        world.awaitDelivery(c::peerDisconnectIndicated, "TcpIndicateDisconnect on " + c.name());
      }
      case "disconnect pending" -> {
        p.setAckPolicy(AckPolicy.NONE);
        world.session().host().send(c, world.nextHostBytes(c, 1000));
        world.session().host().disconnect(c, DisconnectFlags.GRACEFUL_CLOSE);
      }
      default -> throw new IllegalArgumentException("unknown connection state '" + state + "'");
    }
    world.pass(world.run.timeouts.quiet().toNanos());
  }

  @Given("two NICs in a team, the first one active")
  public void twoNicsInATeam() {
    world.standby = world.session().openStandbyTarget();
  }

  @When("the host offloads the uploaded connection to the second NIC")
  public void theHostOffloadsToTheSecondNic() {
    HostConnection c = world.connection();
    world.session().host().awaitTerminated(c);
    world.session().routeWireTo(world.standby);
    world.lastOffload = world.session().host().reoffload(c, world.standby);
    assertThat(world.lastOffload.status(c)).as("offload of %s to the second NIC", c.name()).isEqualTo(NdisStatus.SUCCESS);
  }

  private List<Event.Upcall> resumes() {
    return statusIndications(NdisStatus.OFFLOAD_RESUME);
  }

  private List<Event.Upcall> statusIndications(NdisStatus status) {
    return world.log().upcalls(Api.INDICATE_STATUS, null).stream().filter(u -> u.status() == status).toList();
  }
}
