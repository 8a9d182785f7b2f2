package dev.chimney.faulty.toc;

import dev.chimney.faulty.Connections;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;
import java.util.function.BiConsumer;

/** What the TOC faults share: visiting the TCP block lists of a completed terminate with their connection. */
final class TocFaults {
  private TocFaults() {}

  /** Calls {@code action} for each TCP block list of {@code root} whose connection the interposer knows. */
  static void forEachTcp(OffloadBlockList root, Connections connections, BiConsumer<OffloadBlockList, KnownConnection> action) {
    for (OffloadBlockList node : root.walk()) {
      if (node.stateType() == OffloadStateType.TCP) {
        connections.byHandle(node.ndisOffloadHandle()).ifPresent(c -> action.accept(node, c));
      }
    }
  }
}
