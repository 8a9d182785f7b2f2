package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.HostConnection;
import dev.chimney.host.TerminateResult;
import dev.chimney.peer.PeerConnection;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.wire.Direction;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Terminating offloads and judging what the target hands back. */
public final class TerminateSteps {
  private final World world;

  public TerminateSteps(World world) {
    this.world = world;
  }

  @When("the host terminates the offload")
  public void theHostTerminatesTheOffload() {
    world.terminateCallSeq = world.session().log().events().size();
    world.lastTerminate = world.session().host().terminate(world.connection());
  }

  @When("{int} milliseconds pass")
  public void millisecondsPass(int ms) {
    world.pass(ms * 1_000_000L);
  }

  @When("the peer sends {int} bytes and the host terminates the offload while they are in flight")
  public void thePeerSendsWhileTerminating(int bytes) {
    HostConnection c = world.connection();
    world.peerSide(c).send(world.nextPeerBytes(c, bytes));
    theHostTerminatesTheOffload();
  }

  @When("the host carries the connection on itself")
  public void theHostCarriesOn() {
    world.session().host().carryOn(world.connection());
  }

  @Then("the terminate completes with {status} in every block list")
  public void theTerminateCompletesWith(NdisStatus status) {
    assertThat(world.lastTerminate.statuses().values()).as("TOC-2: Status of every block list of the terminate %s",
        world.lastTerminate.statuses()).containsOnly(status);
  }

  @Then("the terminate hands back no send data")
  public void theTerminateHandsBackNoSendData() {
    TerminateResult.Upload u = upload();
    assertThat(u.chainNull()).as("TOC-7: NetBufferListChain of %s is NULL (event #%d)", u.connection(),
        u.completionEvent()).isTrue();
  }

  @Then("the terminate hands back the outstanding send data in the order it was delivered")
  public void theTerminateHandsBackOutstandingData() {
    HostConnection c = world.connection();
    TerminateResult.Upload u = upload();
    LogQueries log = world.log();
    List<Long> delivered = log.delivered(Api.TCP_OFFLOAD_SEND, c.name());
    List<Long> completed = log.completions(Api.TCP_OFFLOAD_SEND_COMPLETE, delivered).stream()
        .map(x -> x.view().id()).toList();
    List<Long> outstanding = delivered.stream().filter(id -> !completed.contains(id)).toList();
    assertThat(outstanding).as("sends outstanding at the terminate").isNotEmpty();
    assertThat(u.chainNull()).as("TOC-5: NetBufferListChain is non-NULL with send data outstanding (event #%d)",
        u.completionEvent()).isFalse();
    assertThat(u.returnedChain().stream().map(NetBufferList::id).toList())
        .as("TOC-5: lists handed back at event #%d, in delivery order", u.completionEvent())
        .containsExactlyElementsOf(outstanding);
  }

  @Then("the delegated SndUna, SndNxt and SndMax are set")
  public void theDelegatedSendVariablesAreSet() {
    TcpDelegatedState d = upload().delegated();
    assertThat(d.sndUna()).as("TOC-6: SndUna").isPresent();
    assertThat(d.sndNxt()).as("TOC-6: SndNxt").isPresent();
    assertThat(d.sndMax()).as("TOC-6: SndMax").isPresent();
  }

  @Then("the delegated state matches the wire")
  public void theDelegatedStateMatchesTheWire() {
    HostConnection c = world.connection();
    TerminateResult.Upload u = upload();
    TcpDelegatedState d = u.delegated();
    List<Event.Packet> fromTarget = upTo(world.log().packets(c.name(), Direction.TO_PEER), u.completionEvent());
    List<Event.Packet> fromPeer = upTo(world.log().packets(c.name(), Direction.TO_TARGET), u.completionEvent());
    PeerConnection p = world.peerSide(c);
    long sndMax = fromTarget.stream().map(Event.Packet::segment).mapToLong(s -> off(s.seqEnd(), p.irs())).max().orElse(1);
    long rcvNxt = fromTarget.stream().map(Event.Packet::segment).filter(s -> s.has(TcpFlag.ACK))
        .mapToLong(s -> off(s.ack(), p.iss())).max().orElse(1);
    long sndUna = fromPeer.stream().map(Event.Packet::segment).filter(s -> s.has(TcpFlag.ACK))
        .mapToLong(s -> off(s.ack(), p.irs())).max().orElse(1);
    String at = " in the delegated state of " + c.name() + " (event #" + u.completionEvent() + "), relative to the ISN";
    assertThat(off(d.sndMax().orElseThrow(), p.irs())).as("TOC-3: SndMax" + at).isEqualTo(sndMax);
    assertThat(off(d.sndUna().orElseThrow(), p.irs())).as("TOC-3: SndUna" + at).isEqualTo(sndUna);
    assertThat(off(d.rcvNxt().orElseThrow(), p.iss())).as("TOC-3: RcvNxt" + at).isEqualTo(rcvNxt);
  }

  @Then("the terminate hands back {int} bytes of received data")
  public void theTerminateHandsBackReceivedData(int bytes) {
    TerminateResult.Upload u = upload();
    int buffered = u.bufferedData().stream().mapToInt(NetBufferList::dataLength).sum();
    assertThat(buffered).as("TOC-8: BufferedData handed back at event #%d", u.completionEvent())
        .isEqualTo(bytes);
  }

  @Then("the host has lost no received data")
  public void theHostHasLostNoReceivedData() {
    HostConnection c = world.connection();
    long sent = world.peerStreamSent.getOrDefault(c.name(), 0L);
    assertThat((long) c.receivedLength()).as("TOC-8: bytes the host has of %s after taking the buffered data back",
        c.name()).isEqualTo(sent);
  }

  @Then("the target sent nothing on the connection after the terminate completed")
  public void theTargetSentNothingAfterTheTerminate() {
    HostConnection c = world.connection();
    long done = upload().completionEvent();
    List<String> after = world.log().packets(c.name(), Direction.TO_PEER).stream()
        .filter(p -> p.seq() > done).map(Event.Packet::describe).toList();
    assertThat(after).as("TOC-9: segments on %s after the terminate completed at event #%d", c.name(), done).isEmpty();
  }

  @Then("the target made no call for the connection after the terminate completed")
  public void theTargetMadeNoCallAfterTheTerminate() {
    HostConnection c = world.connection();
    long done = upload().completionEvent();
    List<String> after = world.session().log().events().stream()
        .filter(e -> e.seq() > done && e instanceof Event.Upcall u && c.name().equals(u.connection())
            && u.api() != Api.INDICATE_RECEIVE_NET_BUFFER_LISTS)
        .map(Event::describe).toList();
    assertThat(after).as("TOC-9: upcalls about %s after the terminate completed at event #%d", c.name(), done).isEmpty();
  }

  @Then("the segments that arrived during the terminate reached the host through the ordinary receive path")
  public void segmentsDuringTerminateReachedTheHost() {
    HostConnection c = world.connection();
    long done = upload().completionEvent();
    // The peer's segments were captured when sent; they reach the target a link delay later, while
    // the terminate is in progress, and must come up through the ordinary receive path.
    long indicated = world.log().between(world.terminateCallSeq, done).stream()
        .filter(e -> e instanceof Event.Upcall u && u.api() == Api.INDICATE_RECEIVE_NET_BUFFER_LISTS).count();
    assertThat(indicated).as("TOC-10: NdisMIndicateReceiveNetBufferLists of the peer's segments during the "
        + "terminate of %s (event #%d to #%d)", c.name(), world.terminateCallSeq, done).isGreaterThanOrEqualTo(1);
  }

  private TerminateResult.Upload upload() {
    if (world.lastTerminate == null) {
      throw new IllegalStateException("the scenario has not terminated the offload");
    }
    return world.lastTerminate.upload(world.connection());
  }

  private static List<Event.Packet> upTo(List<Event.Packet> packets, long seq) {
    return packets.stream().filter(p -> p.seq() < seq).toList();
  }

  private static long off(long value, long isn) {
    return SeqNum.distance(isn, value);
  }
}
