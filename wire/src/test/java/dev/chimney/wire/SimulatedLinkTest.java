package dev.chimney.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedLinkTest {
  private static final long DELAY = 1_000;

  private final TestClock clock = new TestClock();
  private final SimulatedLink link = new SimulatedLink(clock, DELAY);
  private final List<String> arrivals = new ArrayList<>();

  @Test
  void eachSideReceivesWhatTheOtherSentOneDelayLaterInOrder() {
    link.attachPeer(bytes -> arrivals.add("peer got " + bytes[0] + " at " + clock.nanoTime()));
    link.attachTarget(bytes -> arrivals.add("target got " + bytes[0] + " at " + clock.nanoTime()));

    link.targetPort().transmit(new byte[] {1});
    link.targetPort().transmit(new byte[] {2});
    clock.advance(10);
    link.peerPort().transmit(new byte[] {3});
    link.targetPort().transmit(new byte[] {4});
    clock.runAll();

    assertThat(arrivals).containsExactly(
        "peer got 1 at 1000", "peer got 2 at 1000", "target got 3 at 1010", "peer got 4 at 1010");
  }

  @Test
  void nothingIsDeliveredBeforeThePropagationDelay() {
    link.attachPeer(bytes -> arrivals.add("peer got " + bytes[0]));
    link.targetPort().transmit(new byte[] {1});
    clock.schedule(DELAY - 1, () -> arrivals.add("just before the delay"));

    clock.runAll();

    assertThat(arrivals).containsExactly("just before the delay", "peer got 1");
  }

  @Test
  void packetsAreNumberedFromOneAndTimestampedAtTransmit() {
    List<CapturedPacket> seen = new ArrayList<>();
    link.addObserver(seen::add);

    link.targetPort().transmit(new byte[] {1});
    clock.advance(250);
    link.peerPort().transmit(new byte[] {2});

    assertThat(seen).extracting(CapturedPacket::number, CapturedPacket::timeNanos, CapturedPacket::direction)
        .containsExactly(
            tuple(1, 0L, Direction.TO_PEER),
            tuple(2, 250L, Direction.TO_TARGET));
    assertThat(link.packets()).as("capture equals what observers saw").isEqualTo(seen);
  }

  @Test
  void observersSeeAPacketBeforeItIsDelivered() {
    link.addObserver(p -> arrivals.add("observed " + p.number()));
    link.attachPeer(bytes -> arrivals.add("delivered " + bytes[0]));

    link.targetPort().transmit(new byte[] {1});
    arrivals.add("transmit returned");
    clock.runAll();

    assertThat(arrivals).containsExactly("observed 1", "transmit returned", "delivered 1");
  }

  @Test
  void theSenderChangingItsBufferAfterTransmitChangesNeitherCaptureNorDelivery() {
    link.attachPeer(bytes -> arrivals.add("delivered " + bytes[0]));
    byte[] buffer = {1};

    link.targetPort().transmit(buffer);
    buffer[0] = 9;
    clock.runAll();

    assertThat(link.packets().get(0).bytes()).containsExactly(1);
    assertThat(arrivals).containsExactly("delivered 1");
  }

  @Test
  void annotationsGoOnTheNextPacket() {
    link.targetPort().transmit(new byte[] {1});
    link.annotate("step: peer sends FIN");
    link.annotate("api: disconnect");
    link.peerPort().transmit(new byte[] {2});
    link.targetPort().transmit(new byte[] {3});

    assertThat(link.packets()).extracting(CapturedPacket::comments).containsExactly(
        List.of(), List.of("step: peer sends FIN", "api: disconnect"), List.of());
  }

  @Test
  void annotationsStillPendingGoOnTheLastPacketUntilAnotherComes() {
    link.targetPort().transmit(new byte[] {1});
    link.annotate("scenario ends");

    assertThat(link.packets()).extracting(CapturedPacket::comments).containsExactly(List.of("scenario ends"));

    link.peerPort().transmit(new byte[] {2});

    assertThat(link.packets()).extracting(CapturedPacket::comments)
        .containsExactly(List.of(), List.of("scenario ends"));
  }

  @Test
  void aSideWithNoReceiverDropsDeliveriesButTheCaptureKeepsThem() {
    link.targetPort().transmit(new byte[] {1});

    clock.runAll();

    assertThat(link.packets()).hasSize(1);
  }
}
