package dev.chimney.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.chimney.spi.TargetClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The link delivers each packet one delay after it is sent and captures it at the target's port:
 * the target's packets ({@link Direction#TO_PEER}) when they are sent, the peer's ({@link
 * Direction#TO_TARGET}) when they arrive, just before they are delivered.
 */
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
    link.attachTarget(bytes -> arrivals.add("target got " + bytes[0]));
    link.targetPort().transmit(new byte[] {1});
    link.peerPort().transmit(new byte[] {2});
    clock.schedule(DELAY - 1, () -> arrivals.add("just before the delay"));

    clock.runAll();

    assertThat(arrivals).containsExactly("just before the delay", "peer got 1", "target got 2");
  }

  @Test
  void aTargetPacketIsCapturedWhenSentAndAPeerPacketWhenItArrivesOneDelayLater() {
    List<CapturedPacket> seen = new ArrayList<>();
    link.addObserver(seen::add);

    link.targetPort().transmit(new byte[] {1});
    clock.advance(250);
    link.peerPort().transmit(new byte[] {2});

    assertThat(seen).as("captured by the time both transmits returned, at 250")
        .extracting(CapturedPacket::number, CapturedPacket::timeNanos, CapturedPacket::direction)
        .containsExactly(tuple(1, 0L, Direction.TO_PEER));
    assertThat(link.packets()).as("the peer's packet is still on the cable").hasSize(1);

    clock.runTo(250 + DELAY - 1);
    assertThat(link.packets()).as("captured by 250 + delay - 1").hasSize(1);

    clock.runAll();

    assertThat(seen).extracting(CapturedPacket::number, CapturedPacket::timeNanos, CapturedPacket::direction)
        .containsExactly(
            tuple(1, 0L, Direction.TO_PEER),
            tuple(2, 250L + DELAY, Direction.TO_TARGET));
    assertThat(link.packets()).as("capture equals what observers saw").isEqualTo(seen);
  }

  @Test
  void aTargetPacketSentWhileAPeerPacketIsInFlightIsNumberedFirst() {
    link.peerPort().transmit(new byte[] {1});
    clock.runTo(5);
    link.targetPort().transmit(new byte[] {2});
    clock.runTo(10);
    link.peerPort().transmit(new byte[] {3});
    clock.runTo(DELAY - 1);
    link.targetPort().transmit(new byte[] {4});
    clock.runTo(DELAY + 11);
    link.targetPort().transmit(new byte[] {5});
    clock.runAll();

    assertThat(link.packets())
        .extracting(CapturedPacket::number, CapturedPacket::timeNanos, CapturedPacket::direction, p -> p.bytes()[0])
        .containsExactly(
            tuple(1, 5L, Direction.TO_PEER, (byte) 2),
            tuple(2, DELAY - 1, Direction.TO_PEER, (byte) 4),
            tuple(3, DELAY, Direction.TO_TARGET, (byte) 1),
            tuple(4, DELAY + 10, Direction.TO_TARGET, (byte) 3),
            tuple(5, DELAY + 11, Direction.TO_PEER, (byte) 5));
  }

  @Test
  void aTargetReplySentOnArrivalIsNumberedAfterThePacketItAnswersAtTheSameTime() {
    link.attachTarget(bytes -> link.targetPort().transmit(new byte[] {(byte) (bytes[0] + 10)}));
    clock.advance(7);

    link.peerPort().transmit(new byte[] {1});
    clock.runAll();

    assertThat(link.packets())
        .extracting(CapturedPacket::number, CapturedPacket::timeNanos, CapturedPacket::direction, p -> p.bytes()[0])
        .containsExactly(
            tuple(1, 7L + DELAY, Direction.TO_TARGET, (byte) 1),
            tuple(2, 7L + DELAY, Direction.TO_PEER, (byte) 11));
  }

  /**
   * Why the link captures at the target's port: the capture must show what the target knew when
   * it acted. Here the peer resets the connection at 0 and the target, which cannot know yet,
   * sends data at 500; the reset reaches it at 1000, after which it sends nothing. Captured at
   * transmit, the reset would be packet 1 and the data packet 2, as if the target had sent data
   * on a connection it knew was reset, and a rule judging "nothing after an RST" would fail a
   * correct target. Captured at the target's port, the capture is exactly the target's own log.
   */
  @Test
  void theCaptureShowsTheOrderTheTargetLivedThrough() {
    byte data = 1;
    byte rst = 2;
    List<String> targetLog = new ArrayList<>();
    link.attachPeer(bytes -> { });
    link.attachTarget(bytes -> targetLog.add("got " + bytes[0] + " at " + clock.nanoTime()));

    link.peerPort().transmit(new byte[] {rst});
    clock.advance(DELAY / 2);
    targetLog.add("sent " + data + " at " + clock.nanoTime());
    link.targetPort().transmit(new byte[] {data});
    clock.runAll();

    assertThat(targetLog).containsExactly("sent 1 at 500", "got 2 at 1000");
    assertThat(link.packets()).extracting(SimulatedLinkTest::asTargetLogEntry)
        .as("the capture, read as the target's log").isEqualTo(targetLog);
    assertThat(link.packets()).extracting(CapturedPacket::number, p -> p.bytes()[0])
        .as("the data is packet 1 though the reset was transmitted first")
        .containsExactly(tuple(1, data), tuple(2, rst));
  }

  private static String asTargetLogEntry(CapturedPacket packet) {
    String verb = packet.direction() == Direction.TO_PEER ? "sent " : "got ";
    return verb + packet.bytes()[0] + " at " + packet.timeNanos();
  }

  @Test
  void observersSeeAPacketBeforeItIsDeliveredAndAPeerPacketOnlyWhenItArrives() {
    link.addObserver(p -> arrivals.add("observed " + p.bytes()[0] + " at " + clock.nanoTime()));
    link.attachPeer(bytes -> arrivals.add("peer got " + bytes[0] + " at " + clock.nanoTime()));
    link.attachTarget(bytes -> arrivals.add("target got " + bytes[0] + " at " + clock.nanoTime()));

    link.targetPort().transmit(new byte[] {1});
    link.peerPort().transmit(new byte[] {2});
    arrivals.add("transmits returned");
    clock.runAll();

    assertThat(arrivals).containsExactly(
        "observed 1 at 0", "transmits returned", "peer got 1 at 1000", "observed 2 at 1000", "target got 2 at 1000");
  }

  @Test
  void theSenderChangingItsBufferAfterTransmitChangesNeitherCaptureNorDelivery() {
    link.attachPeer(bytes -> arrivals.add("peer got " + bytes[0]));
    link.attachTarget(bytes -> arrivals.add("target got " + bytes[0]));
    byte[] targetBuffer = {1};
    byte[] peerBuffer = {2};

    link.targetPort().transmit(targetBuffer);
    link.peerPort().transmit(peerBuffer);
    targetBuffer[0] = 9;
    peerBuffer[0] = 8;
    clock.runAll();

    assertThat(link.packets()).extracting(p -> p.bytes()[0]).as("captured bytes")
        .containsExactly((byte) 1, (byte) 2);
    assertThat(arrivals).containsExactly("peer got 1", "target got 2");
  }

  @Test
  void aReceiverChangingWhatItWasDeliveredDoesNotChangeTheCapture() {
    link.attachPeer(bytes -> bytes[0] = 9);
    link.attachTarget(bytes -> bytes[0] = 8);

    link.targetPort().transmit(new byte[] {1});
    link.peerPort().transmit(new byte[] {2});
    clock.runAll();

    assertThat(link.packets()).extracting(p -> p.bytes()[0]).containsExactly((byte) 1, (byte) 2);
  }

  @Test
  void annotationsGoOnTheNextPacketCaptured() {
    link.targetPort().transmit(new byte[] {1});
    link.annotate("step: peer sends FIN");
    link.annotate("api: disconnect");
    link.peerPort().transmit(new byte[] {2});
    clock.runAll();
    link.targetPort().transmit(new byte[] {3});

    assertThat(link.packets()).extracting(p -> p.bytes()[0], CapturedPacket::comments).containsExactly(
        tuple((byte) 1, List.of()),
        tuple((byte) 2, List.of("step: peer sends FIN", "api: disconnect")),
        tuple((byte) 3, List.of()));
  }

  @Test
  void annotationsGoOnATargetPacketSentBeforeThePeerPacketTheyAnnounceArrives() {
    link.annotate("step: peer sends FIN");
    link.peerPort().transmit(new byte[] {1});
    clock.advance(DELAY / 2);
    link.targetPort().transmit(new byte[] {2});
    clock.runAll();

    assertThat(link.packets())
        .extracting(p -> p.bytes()[0], CapturedPacket::timeNanos, CapturedPacket::comments)
        .as("the comment marks when the step ran, on the first packet captured after it")
        .containsExactly(
            tuple((byte) 2, DELAY / 2, List.of("step: peer sends FIN")),
            tuple((byte) 1, DELAY, List.of()));
  }

  @Test
  void annotationsStillPendingGoOnTheLastPacketUntilAnotherComes() {
    link.targetPort().transmit(new byte[] {1});
    link.annotate("scenario ends");

    assertThat(link.packets()).extracting(CapturedPacket::comments).containsExactly(List.of("scenario ends"));

    link.peerPort().transmit(new byte[] {2});

    assertThat(link.packets()).extracting(CapturedPacket::comments)
        .as("the peer's packet is in flight, not captured: the comment is still pending")
        .containsExactly(List.of("scenario ends"));

    clock.runAll();

    assertThat(link.packets()).extracting(CapturedPacket::comments)
        .containsExactly(List.of(), List.of("scenario ends"));
  }

  @Test
  void aSideWithNoReceiverDropsDeliveriesButTheCaptureKeepsThem() {
    link.targetPort().transmit(new byte[] {1});
    link.peerPort().transmit(new byte[] {2});

    clock.runAll();

    assertThat(link.packets()).extracting(CapturedPacket::direction, CapturedPacket::timeNanos)
        .containsExactly(tuple(Direction.TO_PEER, 0L), tuple(Direction.TO_TARGET, DELAY));
  }

  /**
   * Two threads transmitting from the target: whichever the link captures first must be scheduled
   * first, or the peer receives them in the opposite order to their capture numbers. The clock
   * holds the first transmit inside {@code schedule}, after its capture, until the second thread
   * has either scheduled too (the race) or is waiting for the link.
   */
  @Test
  void concurrentTargetTransmitsAreDeliveredInTheOrderTheyWereCaptured() throws Exception {
    GatedClock gated = new GatedClock();
    SimulatedLink concurrentLink = new SimulatedLink(gated, DELAY);
    List<Byte> delivered = Collections.synchronizedList(new ArrayList<>());
    concurrentLink.attachPeer(bytes -> delivered.add(bytes[0]));
    CountDownLatch secondMayGo = new CountDownLatch(1);
    AtomicReference<Throwable> secondFailed = new AtomicReference<>();
    Thread second = new Thread(() -> {
      try {
        secondMayGo.await();
        concurrentLink.targetPort().transmit(new byte[] {2});
      } catch (Throwable t) {
        secondFailed.set(t);
      }
    }, "second transmitter");
    gated.beforeFirstSchedule(() -> {
      secondMayGo.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (gated.scheduled() == 0 && second.getState() != Thread.State.BLOCKED) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the second transmit neither scheduled nor waited for the link");
        }
        Thread.onSpinWait();
      }
    });
    second.start();

    concurrentLink.targetPort().transmit(new byte[] {1});
    second.join(TimeUnit.SECONDS.toMillis(10));
    gated.runAll();

    assertThat(second.isAlive()).as("second transmitter still running").isFalse();
    assertThat(secondFailed.get()).as("second transmitter's failure").isNull();
    assertThat(concurrentLink.packets()).extracting(p -> p.bytes()[0]).as("capture order")
        .containsExactly((byte) 1, (byte) 2);
    assertThat(delivered).as("delivery order").containsExactly((byte) 1, (byte) 2);
  }

  /**
   * A clock frozen at 0 whose tasks run, in submission order, when the test calls {@link #runAll};
   * the first {@code schedule} first runs the gate, outside any lock of the clock's own.
   */
  private static final class GatedClock implements TargetClock {
    private final AtomicReference<Runnable> gate = new AtomicReference<>();
    private final List<Runnable> tasks = Collections.synchronizedList(new ArrayList<>());

    void beforeFirstSchedule(Runnable action) {
      gate.set(action);
    }

    @Override
    public long nanoTime() {
      return 0;
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
      Runnable first = gate.getAndSet(null);
      if (first != null) {
        first.run();
      }
      tasks.add(task);
      return () -> { };
    }

    int scheduled() {
      return tasks.size();
    }

    void runAll() {
      List<Runnable> snapshot;
      synchronized (tasks) {
        snapshot = List.copyOf(tasks);
      }
      snapshot.forEach(Runnable::run);
    }
  }
}
