package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.HostConnection;
import dev.chimney.spi.NdisStatus;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;

/** Posting sends and judging their completions. */
public final class SendSteps {
  private final World world;

  public SendSteps(World world) {
    this.world = world;
  }

  @When("the host posts a send of {int} bytes")
  public void theHostPostsASend(int bytes) {
    HostConnection c = world.connection();
    world.session().host().send(c, world.nextHostBytes(c, bytes));
  }

  @When("the host posts {int} sends of {int} bytes each")
  public void theHostPostsSends(int n, int bytes) {
    HostConnection c = world.connection();
    for (int i = 0; i < n; i++) {
      world.session().host().send(c, world.nextHostBytes(c, bytes));
    }
  }

  @When("the host posts a chain of {int} sends of {int} bytes each")
  public void theHostPostsAChain(int n, int bytes) {
    HostConnection c = world.connection();
    byte[][] chunks = new byte[n][];
    for (int i = 0; i < n; i++) {
      chunks[i] = world.nextHostBytes(c, bytes);
    }
    world.session().host().send(c, chunks);
  }

  @Then("every send completes with {status} in the order it was delivered")
  public void everySendCompletesInOrder(NdisStatus status) {
    HostConnection c = world.connection();
    List<Long> delivered = world.log().delivered(Api.TCP_OFFLOAD_SEND, c.name());
    world.session().host().awaitSendCompletions(c, delivered.size());
    List<LogQueries.Completion> completions = world.log().completions(Api.TCP_OFFLOAD_SEND_COMPLETE, delivered);
    assertThat(completions.stream().map(x -> x.view().id()).toList())
        .as("SND-1: send completions of %s in the order the sends were delivered", c.name())
        .containsExactlyElementsOf(delivered);
    for (LogQueries.Completion x : completions) {
      assertThat(x.view().status()).as("Status of send NBL #%d completed at event #%d", x.view().id(), x.eventSeq())
          .isEqualTo(status);
    }
  }

  @Then("{int} send(s) complete(s) with {status}")
  public void sendsCompleteWith(int n, NdisStatus status) {
    HostConnection c = world.connection();
    world.session().host().awaitSendCompletions(c, n);
    world.pass(world.run.timeouts.quiet().toNanos());
    List<LogQueries.Completion> completions = world.log().sendCompletions(c.name());
    assertThat(completions).as("send completions of %s", c.name()).hasSize(n);
    completions.forEach(x -> assertThat(x.view().status()).as("send NBL #%d", x.view().id()).isEqualTo(status));
  }

  @Then("no send has completed")
  public void noSendHasCompleted() {
    HostConnection c = world.connection();
    List<LogQueries.Completion> completions = world.log().sendCompletions(c.name());
    assertThat(completions).as("send completions of %s while the peer withholds its acknowledgments", c.name())
        .isEmpty();
  }

  @Then("each forwarded NET_BUFFER_LIST completes exactly once")
  public void eachForwardedListCompletesOnce() {
    HostConnection c = world.connection();
    List<Long> forwarded = world.log().delivered(Api.TCP_OFFLOAD_FORWARD, c.name());
    assertThat(forwarded).as("forwarded lists").isNotEmpty();
    world.awaitDelivery(() -> LogQueries.timesCompleted(
            world.log().completions(Api.TCP_OFFLOAD_FORWARD_COMPLETE, forwarded)).size() == forwarded.size(),
        "NdisTcpOffloadForwardComplete of NBLs " + forwarded);
    world.pass(world.run.timeouts.quiet().toNanos());
    Map<Long, Integer> times = LogQueries.timesCompleted(world.log().completions(Api.TCP_OFFLOAD_FORWARD_COMPLETE, forwarded));
    forwarded.forEach(id -> assertThat(times.get(id)).as("FWD-2: completions of forwarded NBL #%d", id).isEqualTo(1));
  }
}
