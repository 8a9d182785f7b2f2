package dev.chimney.host;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.wire.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the parts of one {@link HostStack} share: the run's clock, event log and named waits, the
 * gateway every call to a target goes through, the attached targets, the connections (by address
 * pair and by offload handle), every list handed over and those still to give back, and the
 * anomalies noted.
 *
 * <p>A target's upcalls reach this state from its own threads, so what they touch is guarded by
 * {@link #lock}, which is the {@link HostStack} itself: the stack was one class whose monitor was
 * its only lock, and keeping that monitor keeps the locking exactly as it was however the work is
 * divided. Code that holds the lock while calling into another part relies on it being re-entrant.
 */
final class HostContext {
  /** The monitor that guards what upcalls touch: the {@link HostStack} these parts belong to. */
  final Object lock;
  final HostClock clock;
  final EventLog log;
  final Timeouts timeouts;
  final TargetGateway gateway;
  final NblLedger ledger = new NblLedger();
  /** The target under test; further slots are standby targets for failover (TRM-8). */
  final TargetSlot primary;
  final List<TargetSlot> slots;
  final List<HostConnection> connections = new ArrayList<>();
  final Map<List<Endpoint>, HostConnection> byTuple = new HashMap<>();
  final Map<NdisOffloadHandle, HostConnection> byHandle = new IdentityHashMap<>();
  /** Lists a target passed up (indicated, or handed back as buffered data) that the host still holds. */
  final List<IndicatedList> toReturn = new ArrayList<>();
  private final List<Anomaly> anomalies = new ArrayList<>();

  HostContext(HostStack stack, HostClock clock, EventLog log, Timeouts timeouts) {
    this.lock = stack;
    this.clock = clock;
    this.log = log;
    this.timeouts = timeouts;
    this.gateway = new TargetGateway(log);
    this.primary = new TargetSlot(stack);
    this.slots = new ArrayList<>(List.of(primary));
  }

  /** See {@link HostStack#connections()}. */
  List<HostConnection> connections() {
    synchronized (lock) {
      return List.copyOf(connections);
    }
  }

  /** See {@link HostStack#connectionName}. */
  String connectionName(Endpoint a, Endpoint b) {
    synchronized (lock) {
      HostConnection c = byTuple.get(List.of(a, b));
      if (c == null) {
        c = byTuple.get(List.of(b, a));
      }
      return c == null ? null : c.name();
    }
  }

  /** See {@link HostStack#anomalies()}. */
  List<String> anomalies() {
    synchronized (lock) {
      return anomalies.stream().map(Anomaly::text).toList();
    }
  }

  /** See {@link HostStack#targetAnomalies()}. */
  List<String> targetAnomalies() {
    synchronized (lock) {
      return anomalies.stream().filter(Anomaly::targetConduct).map(Anomaly::text).toList();
    }
  }

  /** Notes an upcall out of order: the target's conduct. */
  void anomaly(String text) {
    anomaly(true, text);
  }

  void anomaly(boolean targetConduct, String text) {
    synchronized (lock) {
      anomalies.add(new Anomaly(text, targetConduct));
      log.note("host anomaly: " + text);
    }
  }

  void await(String name, Duration timeout, Supplier<String> awaited, BooleanSupplier condition) {
    if (!clock.runUntil(condition, timeout.toNanos())) {
      throw new HarnessTimeoutException(name, timeout, awaited.get());
    }
  }

  void requireAttached() {
    if (primary.target == null) {
      throw new IllegalStateException("no target attached to the host stack");
    }
  }

  static void requirePhase(HostConnection c, String action, ConnectionPhase... allowed) {
    for (ConnectionPhase p : allowed) {
      if (c.phase == p) {
        return;
      }
    }
    throw new IllegalStateException("cannot " + action + " " + c.name() + ": it is " + c.phase
        + ", expected " + List.of(allowed));
  }

  TargetSlot slotOf(OffloadTarget target) {
    for (TargetSlot s : slots) {
      if (s.target == target) {
        return s;
      }
    }
    throw new IllegalArgumentException("target not attached to this host stack: " + target);
  }

  /**
   * Something the host noticed out of order; {@code targetConduct} when it is an upcall of the
   * target's, false when it is the host's own reconstruction of what a terminate returned.
   */
  private record Anomaly(String text, boolean targetConduct) {}

  /** A list the target passed up, to give back to it. */
  record IndicatedList(OffloadTarget target, NetBufferList nbl) {}
}
