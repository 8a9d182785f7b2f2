package dev.chimney.peer;

import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a scenario asked to happen to the peer's next outgoing segments on one connection:
 * duplication and reordering. Losses towards the target are not modelled here; the scenario
 * simply does not send.
 */
final class Impairments {
  private record Held(TcpSegment segment, Consumer<TcpSegment> wire) {}

  private boolean duplicateNext;
  private int reorderRemaining;
  private final List<Held> held = new ArrayList<>();

  /** The next segment goes out twice. */
  void duplicateNext() {
    duplicateNext = true;
  }

  /** The next {@code n} segments are held, then go out in reverse order. */
  void reorderNext(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("reordering needs at least 2 segments, was " + n);
    }
    reorderRemaining = n;
  }

  /** Puts {@code segment} out through {@code wire}, now or later, once or twice, as asked. */
  void submit(TcpSegment segment, Consumer<TcpSegment> wire) {
    int copies = duplicateNext ? 2 : 1;
    duplicateNext = false;
    for (int i = 0; i < copies; i++) {
      if (reorderRemaining > 0) {
        hold(segment, wire);
      } else {
        wire.accept(segment);
      }
    }
  }

  private void hold(TcpSegment segment, Consumer<TcpSegment> wire) {
    held.add(new Held(segment, wire));
    if (--reorderRemaining == 0) {
      for (int i = held.size() - 1; i >= 0; i--) {
        held.get(i).wire.accept(held.get(i).segment);
      }
      held.clear();
    }
  }
}
