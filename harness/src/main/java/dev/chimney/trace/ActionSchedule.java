package dev.chimney.trace;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A manifest's actions in capture order: those placed by packet number, sorted by it, and those
 * placed by time, sorted by time; the judge takes what is due before each packet. Keeps file order
 * among actions placed at the same point. Trace judge thread only.
 */
final class ActionSchedule {
  private final Path manifest;
  private final Deque<HostAction> byPacket;
  private final Deque<HostAction> byTime;

  ActionSchedule(Path manifest, List<HostAction> actions) {
    this.manifest = manifest;
    List<HostAction> p = new ArrayList<>();
    List<HostAction> t = new ArrayList<>();
    for (HostAction a : actions) {
      (a.timed() ? t : p).add(a);
    }
    p.sort(Comparator.comparingLong(HostAction::packet));
    t.sort(Comparator.comparingLong(HostAction::offsetNanos));
    byPacket = new ArrayDeque<>(p);
    byTime = new ArrayDeque<>(t);
  }

  /** True when nothing is left to take. */
  boolean isEmpty() {
    return byPacket.isEmpty() && byTime.isEmpty();
  }

  /**
   * The actions due before packet {@code packet}, captured {@code offsetNanos} after the first: timed
   * ones first, then those placed by number.
   */
  List<HostAction> due(long packet, long offsetNanos) {
    List<HostAction> out = null;
    while (!byTime.isEmpty() && byTime.peekFirst().offsetNanos() <= offsetNanos) {
      out = add(out, byTime.pollFirst());
    }
    while (!byPacket.isEmpty() && byPacket.peekFirst().packet() <= packet) {
      out = add(out, byPacket.pollFirst());
    }
    return out == null ? List.of() : out;
  }

  /** True when {@link #due} has something: asked before every packet, so no list is made or walked. */
  boolean anyDue(long packet, long offsetNanos) {
    HostAction t = byTime.peekFirst();
    HostAction p = byPacket.peekFirst();
    return t != null && t.offsetNanos() <= offsetNanos || p != null && p.packet() <= packet;
  }

  private static List<HostAction> add(List<HostAction> list, HostAction a) {
    List<HostAction> out = list == null ? new ArrayList<>(2) : list;
    out.add(a);
    return out;
  }

  /**
   * What is due after the last of {@code packets} packets: timed actions past the end, and those
   * placed at packet {@code packets + 1}.
   *
   * @throws ManifestException for an action placed beyond that
   */
  List<HostAction> atEnd(long packets) throws ManifestException {
    List<HostAction> out = new ArrayList<>(byTime);
    byTime.clear();
    for (HostAction a : byPacket) {
      if (a.packet() > packets + 1) {
        throw new ManifestException(manifest, lineOf(a), "packet " + a.packet() + " is past the end of the capture ("
            + packets + " packets; " + (packets + 1) + " means after the last)");
      }
      out.add(a);
    }
    byPacket.clear();
    return out;
  }

  /** The manifest line of an action ("file.yaml:12" gives 12), or 0. */
  static int lineOf(HostAction a) {
    int colon = a.source().lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(a.source().substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
