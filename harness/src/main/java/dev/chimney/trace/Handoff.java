package dev.chimney.trace;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Passes batches from one thread to another through a fixed pool: the producer takes an empty
 * batch, fills it and sends it; the consumer receives it and gives it back once done with it.
 * When every batch is in flight the producer waits, so memory is the pool's whatever the size of
 * the input; a batch is handed over, never shared, so neither side locks it. The producer ends the
 * stream once, with or without a failure, and the consumer sees that after every batch sent before.
 * One producer thread and one consumer thread.
 *
 * @param <B> the batch type
 */
final class Handoff<B> {
  /** What follows the last batch. */
  private record End(Exception failure) {}

  private final BlockingQueue<B> free;
  /** Batches, then one {@link End}. */
  private final BlockingQueue<Object> sent;
  private Exception failure;

  /** A handoff through {@code pool}, whose batches are all empty. */
  Handoff(List<B> pool) {
    free = new ArrayBlockingQueue<>(pool.size(), false, pool);
    sent = new ArrayBlockingQueue<>(pool.size() + 1);
  }

  /** Producer: an empty batch, once one is free. */
  B empty() throws InterruptedException {
    return free.take();
  }

  /** Producer: hands {@code batch} to the consumer. */
  void send(B batch) throws InterruptedException {
    sent.put(batch);
  }

  /** Producer: ends the stream; {@code failure} is why it ended early, or null. */
  void end(Exception failure) throws InterruptedException {
    sent.put(new End(failure));
  }

  /** Consumer: the next batch, or null once the stream has ended (then see {@link #failure}). */
  @SuppressWarnings("unchecked")
  B receive() throws InterruptedException {
    Object next = sent.take();
    if (next instanceof End end) {
      failure = end.failure();
      sent.put(end); // so that asking again says the same
      return null;
    }
    return (B) next;
  }

  /** Consumer: gives back a batch it received, emptied. */
  void giveBack(B batch) {
    free.add(batch);
  }

  /** Consumer: why the stream ended early, or null; meaningful once {@link #receive} gave null. */
  Exception failure() {
    return failure;
  }
}
