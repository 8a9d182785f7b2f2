package dev.chimney.nic;

import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.TargetClock;

/**
 * What every connection of one adapter shares: the host to call back, the clock its timers and
 * deferred completions run on, the link, and the source of the target's own lists.
 */
record EngineServices(OffloadHost host, TargetClock clock, Transmitter transmitter, TargetLists lists) {
  /**
   * Runs {@code upcall} as soon as the current task is done. Handlers return PENDING first and
   * complete through here, so the host never sees a completion before the call that asked for it
   * returns; tasks run in submission order, so completions keep the order they were decided in.
   */
  void later(Runnable upcall) {
    clock.execute(upcall);
  }
}
