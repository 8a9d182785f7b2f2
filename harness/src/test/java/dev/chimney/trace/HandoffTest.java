package dev.chimney.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandoffTest {
  /** A batch: a list the producer fills. */
  private static List<List<Integer>> pool(int batches) {
    List<List<Integer>> pool = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      pool.add(new ArrayList<>());
    }
    return pool;
  }

  @Test
  void batchesArriveInOrderThenTheEndWithItsFailureOnAnotherThread() throws Exception {
    Handoff<List<Integer>> handoff = new Handoff<>(pool(2));
    IOException why = new IOException("record 7 cut short");
    CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < 100; i++) {
          List<Integer> b = handoff.empty();
          b.add(i);
          handoff.send(b);
        }
        handoff.end(why);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    List<Integer> received = new ArrayList<>();
    for (List<Integer> b = handoff.receive(); b != null; b = handoff.receive()) {
      received.addAll(b);
      b.clear();
      handoff.giveBack(b);
    }
    producer.get(10, TimeUnit.SECONDS);
    assertThat(received).hasSize(100).isSorted();
    assertThat(handoff.failure()).isSameAs(why);
    assertThat(handoff.receive()).as("asked again after the end").isNull();
  }

  @Test
  void theProducerWaitsWhileEveryBatchIsInFlight() throws Exception {
    Handoff<List<Integer>> handoff = new Handoff<>(pool(2));
    handoff.send(handoff.empty());
    handoff.send(handoff.empty());
    CompletableFuture<List<Integer>> third = CompletableFuture.supplyAsync(() -> {
      try {
        return handoff.empty();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(third).isNotDone();
    List<Integer> first = handoff.receive();
    assertThat(third).isNotDone();
    handoff.giveBack(first);
    assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(first);
  }
}
