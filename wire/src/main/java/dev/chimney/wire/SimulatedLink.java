package dev.chimney.wire;

import dev.chimney.spi.Link;
import dev.chimney.spi.TargetClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The cable between the target and the peer: every packet either side transmits is delivered to
 * the other side one propagation delay later on the clock, and captured at the target's port, as
 * a tap on the target's NIC would see it: the target's packets when it sends them, the peer's
 * when they reach the target. So the capture's order is the order the target lived through, which
 * the rules are about (a segment that arrives during a terminate is captured during it).
 *
 * <p>Threads: {@link Link#transmit} on either port, {@link #annotate} and the accessors may be
 * called from any thread; they serialise on the link. Deliveries run as clock tasks (on the host
 * thread for the virtual clock). Because the delay is constant and capture and scheduling happen
 * under one lock, packets in each direction arrive in the order they were sent.
 *
 * <p>A side with no receiver attached when a packet arrives is an unplugged cable end: the
 * packet stays in the capture and is not delivered.
 */
public final class SimulatedLink {
  /** One-way delay when the scenario does not set one: 50 µs, a short LAN hop. */
  public static final long DEFAULT_PROPAGATION_DELAY_NANOS = 50_000;

  private final TargetClock clock;
  private final long propagationDelayNanos;
  private final Link targetPort = bytes -> transmit(Direction.TO_PEER, bytes);
  private final Link peerPort = bytes -> transmit(Direction.TO_TARGET, bytes);
  private final List<CapturedPacket> packets = new ArrayList<>();
  private final List<PacketObserver> observers = new ArrayList<>();
  /** Not guarded by the link: the event log annotates while holding its own lock (see {@link #annotate}). */
  private final Queue<String> pendingComments = new ConcurrentLinkedQueue<>();
  private volatile Consumer<byte[]> targetReceiver;
  private volatile TimedReceiver peerReceiver;

  /**
   * A link on {@code clock} (the harness passes its virtual clock).
   *
   * @param propagationDelayNanos one-way delay, 0 or more
   */
  public SimulatedLink(TargetClock clock, long propagationDelayNanos) {
    if (propagationDelayNanos < 0) {
      throw new IllegalArgumentException("propagation delay must be >= 0 ns: " + propagationDelayNanos);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.propagationDelayNanos = propagationDelayNanos;
  }

  /** A link with {@link #DEFAULT_PROPAGATION_DELAY_NANOS}. */
  public SimulatedLink(TargetClock clock) {
    this(clock, DEFAULT_PROPAGATION_DELAY_NANOS);
  }

  /** The port the target transmits on, towards the peer; give it to the target as its SPI link. */
  public Link targetPort() {
    return targetPort;
  }

  /** The port the peer transmits on, towards the target. */
  public Link peerPort() {
    return peerPort;
  }

  /** Where packets towards the target are delivered; replaces any earlier receiver. */
  public void attachTarget(Consumer<byte[]> receiver) {
    targetReceiver = Objects.requireNonNull(receiver, "receiver");
  }

  /** Where packets towards the peer are delivered; replaces any earlier receiver. */
  public void attachPeer(Consumer<byte[]> receiver) {
    Objects.requireNonNull(receiver, "receiver");
    peerReceiver = (bytes, sentAt) -> receiver.accept(bytes);
  }

  /**
   * Where packets towards the peer are delivered, with the time the target sent each: a receiver
   * that judges the target's segments against what the target could have known when it sent them
   * needs that time, not the delivery's, which a busy real-time host thread may delay.
   */
  public void attachPeerWithSendTime(TimedReceiver receiver) {
    peerReceiver = Objects.requireNonNull(receiver, "receiver");
  }

  /** Takes a packet with the clock time it was sent at. */
  @FunctionalInterface
  public interface TimedReceiver {
    void receive(byte[] ipPacket, long sentAtNanos);
  }

  /** Adds an observer; it sees the packets captured from now on. */
  public synchronized void addObserver(PacketObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
  }

  /**
   * Attaches {@code comment} to the next packet captured, so the capture shows what the scenario
   * was doing (a step, an API call). Comments still pending when the capture is read go on the
   * last packet; with no packet at all they are not written.
   */
  public void annotate(String comment) {
    // No link lock here: a capture holds the link's lock while the event log takes its own, and the
    // log calls this while holding its lock, so taking the link's lock here could deadlock when the
    // target's threads and the host thread record at the same time.
    pendingComments.add(Objects.requireNonNull(comment, "comment"));
  }

  /**
   * Every packet captured so far, numbered from 1 in capture order, with pending comments on the
   * last one. A snapshot: later packets do not change it.
   */
  public synchronized List<CapturedPacket> packets() {
    List<CapturedPacket> snapshot = new ArrayList<>(packets);
    if (!snapshot.isEmpty()) {
      int last = snapshot.size() - 1;
      snapshot.set(last, snapshot.get(last).withMoreComments(List.copyOf(pendingComments)));
    }
    return List.copyOf(snapshot);
  }

  /** Writes {@link #packets()} to {@code file} as pcapng; see {@link PcapngWriter}. */
  public void writeCapture(Path file) throws IOException {
    PcapngWriter.write(file, packets());
  }

  /**
   * Synchronized so that a target packet's capture and the scheduling of its delivery are one
   * step: two threads transmitting at once are delivered in the order they were numbered.
   */
  private synchronized void transmit(Direction direction, byte[] ipPacket) {
    byte[] copy = ipPacket.clone();
    if (direction == Direction.TO_PEER) {
      long sentAt = capture(direction, copy).timeNanos();
      clock.schedule(propagationDelayNanos, () -> deliverToPeer(copy, sentAt));
    } else {
      clock.schedule(propagationDelayNanos, () -> {
        capture(direction, copy);
        deliverToTarget(copy);
      });
    }
  }

  private synchronized CapturedPacket capture(Direction direction, byte[] ipPacket) {
    List<String> comments = new ArrayList<>();
    for (String c; (c = pendingComments.poll()) != null; ) {
      comments.add(c);
    }
    CapturedPacket packet = new CapturedPacket(packets.size() + 1, clock.nanoTime(), direction, ipPacket, comments);
    packets.add(packet);
    for (PacketObserver observer : observers) {
      observer.onPacket(packet);
    }
    return packet;
  }

  private void deliverToTarget(byte[] bytes) {
    Consumer<byte[]> receiver = targetReceiver;
    if (receiver != null) {
      receiver.accept(bytes);
    }
  }

  private void deliverToPeer(byte[] bytes, long sentAtNanos) {
    TimedReceiver receiver = peerReceiver;
    if (receiver != null) {
      receiver.receive(bytes, sentAtNanos);
    }
  }
}
