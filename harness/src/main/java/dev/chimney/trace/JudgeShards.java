package dev.chimney.trace;

import dev.chimney.host.Event;
import dev.chimney.wire.Direction;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the connections' monitors on worker threads while the trace judge goes on naming
 * connections and placing host actions: each connection is judged on its own, so the judging can
 * leave the trace judge's thread. A connection belongs to one worker, chosen by its number, and
 * only that worker touches its {@link ConnectionJudge}; its events reach the worker in batches,
 * in the order the trace judge gave them, so each connection sees exactly the event sequence a
 * single thread would have fed it, and the verdicts do not depend on the worker count.
 *
 * <p>Batches go to each worker through a {@link Handoff} with a fixed pool: when the workers fall
 * behind, the trace judge waits for a free batch, so memory stays bounded whatever the capture's
 * size. Used by the trace judge's thread; {@link #tally} waits for the workers and merges what
 * they found.
 */
final class JudgeShards implements AutoCloseable {
  /**
   * Entries per batch: enough that handing a batch over, which wakes a worker that has caught up
   * (a system call), costs nothing per packet.
   */
  static final int BATCH_ENTRIES = 8192;
  /** Batches per worker, in flight or free: how far the reader may run ahead. */
  static final int BATCHES_PER_WORKER = 4;
  /**
   * At most this many workers: one keeps pace with the trace judge's thread on the benchmark
   * capture (bench/check-trace measured one, two and three alike on two cores); a second is for
   * machines with the cores for it and monitors made busier by a manifest's actions.
   */
  private static final int MAX_WORKERS = 2;

  private final Worker[] workers;
  private long retired;

  /**
   * Starts {@code count} workers.
   *
   * @param captureName quoted in evidence as "capture F packet N", and in each connection's scenario name
   */
  JudgeShards(int count, String captureName) {
    workers = new Worker[count];
    for (int i = 0; i < count; i++) {
      workers[i] = new Worker(captureName, i);
      workers[i].thread.start();
    }
  }

  /** The workers for this machine: a core each, leaving one to the trace judge's thread. */
  static int defaultCount() {
    return Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors() - 1));
  }

  /** Feeds {@code event} to the monitors of {@code c}, whose target side is known. */
  void event(TraceConnection c, Event event) {
    workerOf(c).append(c, event, null, 0, 0, 0, null);
  }

  /** Feeds the monitors of {@code c} the packet event that a certify run would have logged. */
  void packet(TraceConnection c, long eventSeq, long timeNanos, long number, Direction direction,
      TcpSegment segment) {
    workerOf(c).append(c, null, segment, eventSeq, timeNanos, number, direction);
  }

  /** Ends {@code c}: its monitors judge what is left and add their verdicts to the tally. */
  void finish(TraceConnection c) {
    workerOf(c).append(c, null, null, 0, 0, ++retired, null);
  }

  private Worker workerOf(TraceConnection c) {
    return workers[(int) (c.number % workers.length)];
  }

  /**
   * Hands over what is left, waits for every worker and merges their verdicts, in the order the
   * connections were retired.
   *
   * @throws RuntimeException what a monitor threw, as it would have on one thread
   */
  RuleTally tally() {
    close();
    List<RuleTally> tallies = new ArrayList<>();
    for (Worker w : workers) {
      w.rethrow();
      tallies.add(w.tally);
    }
    return RuleTally.merge(tallies);
  }

  /** Stops the workers once they have judged what they were given. Idempotent. */
  @Override
  public void close() {
    for (Worker w : workers) {
      w.end();
    }
    try {
      for (Worker w : workers) {
        w.thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the judges", e);
    }
  }

  /** A run of entries for one worker; an entry is a host event, a packet, or the end of a connection. */
  private static final class Batch {
    final TraceConnection[] connections = new TraceConnection[BATCH_ENTRIES];
    final Event[] events = new Event[BATCH_ENTRIES];
    final TcpSegment[] segments = new TcpSegment[BATCH_ENTRIES];
    final long[] eventSeqs = new long[BATCH_ENTRIES];
    final long[] times = new long[BATCH_ENTRIES];
    /** The packet number, or for the end of a connection its place in the retire order. */
    final long[] numbers = new long[BATCH_ENTRIES];
    final Direction[] directions = new Direction[BATCH_ENTRIES];
    int size;

    void clear() {
      // Dropping the references lets the events and connections go before the batch is reused.
      Arrays.fill(connections, 0, size, null);
      Arrays.fill(events, 0, size, null);
      Arrays.fill(segments, 0, size, null);
      size = 0;
    }
  }

  private static final class Worker implements Runnable {
    final Thread thread;
    final RuleTally tally = new RuleTally();
    private final String captureName;
    private final Handoff<Batch> handoff;
    private Batch filling;
    private boolean ended;
    private volatile Throwable failure;

    Worker(String captureName, int index) {
      this.captureName = captureName;
      List<Batch> pool = new ArrayList<>();
      for (int i = 0; i < BATCHES_PER_WORKER; i++) {
        pool.add(new Batch());
      }
      handoff = new Handoff<>(pool);
      thread = new Thread(this, "chimney-judge-" + index);
      thread.setDaemon(true);
    }

    void append(TraceConnection c, Event event, TcpSegment segment, long eventSeq, long time, long number,
        Direction direction) {
      if (filling == null) {
        filling = empty();
      }
      Batch b = filling;
      int i = b.size++;
      b.connections[i] = c;
      b.events[i] = event;
      b.segments[i] = segment;
      b.eventSeqs[i] = eventSeq;
      b.times[i] = time;
      b.numbers[i] = number;
      b.directions[i] = direction;
      if (b.size == BATCH_ENTRIES) {
        send(b);
        filling = null;
      }
    }

    void end() {
      if (ended) {
        return;
      }
      ended = true;
      if (filling != null) {
        send(filling);
        filling = null;
      }
      try {
        handoff.end(null);
      } catch (InterruptedException e) {
        throw interrupted(e);
      }
    }

    private Batch empty() {
      try {
        return handoff.empty();
      } catch (InterruptedException e) {
        throw interrupted(e);
      }
    }

    private void send(Batch b) {
      try {
        handoff.send(b);
      } catch (InterruptedException e) {
        throw interrupted(e);
      }
    }

    private static IllegalStateException interrupted(InterruptedException e) {
      Thread.currentThread().interrupt();
      return new IllegalStateException("interrupted while handing packets to the judges", e);
    }

    @Override
    public void run() {
      try {
        for (Batch b = handoff.receive(); b != null; b = handoff.receive()) {
          if (failure == null) {
            try {
              judge(b);
            } catch (RuntimeException | Error e) {
              // Kept for the trace judge's thread; the batches still go round so that it never waits forever.
              failure = e;
            }
          }
          b.clear();
          handoff.giveBack(b);
        }
      } catch (InterruptedException e) {
        // Nothing interrupts a worker: the trace judge ends its stream instead.
        Thread.currentThread().interrupt();
      }
    }

    private void judge(Batch b) {
      for (int i = 0; i < b.size; i++) {
        TraceConnection c = b.connections[i];
        ConnectionJudge judge = c.judge;
        if (judge == null) {
          judge = new ConnectionJudge(TraceJudge.OFFLINE_RULES, captureName + " " + c.name, captureName);
          c.judge = judge;
        }
        if (b.events[i] != null) {
          judge.onEvent(b.events[i]);
        } else if (b.segments[i] != null) {
          judge.onEvent(new Event.Packet(b.eventSeqs[i], b.times[i], (int) Math.min(Integer.MAX_VALUE, b.numbers[i]),
              b.directions[i], b.segments[i], c.name));
        } else {
          judge.finish(tally, b.numbers[i]);
          c.judge = null;
        }
      }
    }

    void rethrow() {
      Throwable t = failure;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }
  }
}
