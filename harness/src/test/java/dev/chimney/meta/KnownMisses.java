package dev.chimney.meta;

import java.util.Map;

/**
 * Faulty targets a monitor does not catch yet: monitor gaps, each with the reason. Their meta-test
 * asserts that the rule is still not FAILed, so that fixing the monitor makes it fail and the
 * entry is removed, never forgotten.
 */
final class KnownMisses {
  private KnownMisses() {}

  /** By faulty target, why its rule's monitor misses it. */
  static final Map<String, String> BY_TARGET = Map.of(
      "faulty:FWD-3:unprocessed", "FWD-3 is judged only when the scenario ends; by then the scripted peer has"
          + " retransmitted the forwarded bytes after its 200 ms retransmission timeout, and the target processed"
          + " them from the wire. The monitor should require the ACK before the peer's first retransmission of them.");
}
