package dev.chimney.trace;

import dev.chimney.wire.capture.CaptureFormatException;
import dev.chimney.wire.capture.CaptureReader;
import dev.chimney.wire.capture.CaptureRecord;
import dev.chimney.wire.capture.TcpPacketDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and decodes a capture on a thread of its own, ahead of the trace judge: copying records out
 * of the file and finding their TCP headers is a third of the judging, and needs nothing the judge
 * keeps, so it runs beside it. Records come out in file order, in batches of their decoded fields,
 * from a fixed pool of batches: when the judge falls behind, the reading waits, so memory stays
 * bounded whatever the capture's size. A damaged record ends the records, after every good one
 * before it, as the exception {@link CaptureReader#next} threw. Batches pass through a {@link Handoff}.
 *
 * <p>The trace judge's thread calls {@link #next} and {@link #recycle}; {@link #close} stops the
 * reading wherever it is.
 */
final class DecodingReader implements AutoCloseable {
  /** Records per batch: enough that the hand-over costs nothing per record. */
  static final int BATCH_RECORDS = 4096;
  /** Batches in the pool: one being judged, the rest read ahead. */
  private static final int BATCHES = 4;

  /** The decoded fields of a run of records; index i is the i-th record of the run. */
  static final class Batch {
    final long[] numbers = new long[BATCH_RECORDS];
    final long[] times = new long[BATCH_RECORDS];
    final TcpPacketDecoder.Outcome[] outcomes = new TcpPacketDecoder.Outcome[BATCH_RECORDS];
    final boolean[] truncated = new boolean[BATCH_RECORDS];
    final int[] directions = new int[BATCH_RECORDS];
    /** The record's comments; most records have none, and share the one empty list. */
    final List<?>[] comments = new List<?>[BATCH_RECORDS];
    final long[] sourceHighs = new long[BATCH_RECORDS];
    final long[] sourceLows = new long[BATCH_RECORDS];
    final long[] destinationHighs = new long[BATCH_RECORDS];
    final long[] destinationLows = new long[BATCH_RECORDS];
    final int[] sourcePorts = new int[BATCH_RECORDS];
    final int[] destinationPorts = new int[BATCH_RECORDS];
    final long[] seqs = new long[BATCH_RECORDS];
    final long[] acks = new long[BATCH_RECORDS];
    final int[] flags = new int[BATCH_RECORDS];
    final int[] windows = new int[BATCH_RECORDS];
    final int[] payloadLengths = new int[BATCH_RECORDS];
    int size;

    @SuppressWarnings("unchecked")
    List<String> comments(int i) {
      return (List<String>) comments[i];
    }

    private void add(CaptureRecord r, TcpPacketDecoder d) {
      int i = size++;
      numbers[i] = r.number();
      times[i] = r.timestampNanos();
      truncated[i] = r.truncated();
      directions[i] = r.direction();
      comments[i] = r.comments();
      TcpPacketDecoder.Outcome outcome = d.decode(r);
      outcomes[i] = outcome;
      if (outcome == TcpPacketDecoder.Outcome.TCP) {
        sourceHighs[i] = d.sourceHigh();
        sourceLows[i] = d.sourceLow();
        destinationHighs[i] = d.destinationHigh();
        destinationLows[i] = d.destinationLow();
        sourcePorts[i] = d.sourcePort();
        destinationPorts[i] = d.destinationPort();
        seqs[i] = d.seq();
        acks[i] = d.ack();
        flags[i] = d.flags();
        windows[i] = d.window();
        payloadLengths[i] = d.payloadLength();
      }
    }

    private void clear() {
      Arrays.fill(comments, 0, size, null);
      size = 0;
    }
  }

  private final CaptureReader in;
  private final Handoff<Batch> handoff;
  private final Thread thread;

  /** Starts reading {@code in}'s records; {@code in} is this reader's from now on, until {@link #close}. */
  DecodingReader(CaptureReader in) {
    this.in = in;
    List<Batch> pool = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      pool.add(new Batch());
    }
    handoff = new Handoff<>(pool);
    thread = new Thread(this::readAll, "chimney-capture-decode");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The next batch, or null after the last record of a capture that ended cleanly.
   *
   * @throws CaptureFormatException for a damaged record, once every record before it has been returned
   * @throws IOException when reading failed
   */
  Batch next() throws IOException, CaptureFormatException {
    Batch b;
    try {
      b = handoff.receive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the capture", e);
    }
    Exception failure = b == null ? handoff.failure() : null;
    if (failure instanceof CaptureFormatException e) {
      throw e;
    }
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    return b;
  }

  /** Gives back a batch {@link #next} returned, once the judge is done with it. */
  void recycle(Batch b) {
    b.clear();
    handoff.giveBack(b);
  }

  private void readAll() {
    TcpPacketDecoder decoder = new TcpPacketDecoder();
    try {
      Exception failure = null;
      Batch b = handoff.empty();
      try {
        for (CaptureRecord r = in.next(); r != null; r = in.next()) {
          b.add(r, decoder);
          if (b.size == BATCH_RECORDS) {
            handoff.send(b);
            b = handoff.empty();
          }
        }
      } catch (IOException | CaptureFormatException | RuntimeException e) {
        failure = e;
      }
      handoff.send(b);
      handoff.end(failure);
    } catch (InterruptedException e) {
      // closed: the judge wants no more
    }
  }

  /** Stops the reading and waits for its thread; the judge then owns the capture reader again. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
