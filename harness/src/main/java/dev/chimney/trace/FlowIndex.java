package dev.chimney.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The live connections by four-tuple, looked up from a packet's fields without building a key:
 * an open-addressing table with linear probing over the connections themselves, so a lookup
 * allocates nothing and follows no chain of nodes. Deletion shifts the following entries back
 * (no tombstones), so a capture that opens and retires millions of connections keeps probe runs
 * short. Grows with the live connections, never shrinks. Trace judge thread only.
 */
final class FlowIndex {
  /** Slots at first: a power of two. */
  static final int INITIAL_SLOTS = 1 << 10;
  /** At most one slot in two used, which keeps linear-probing runs short. */
  private static final int MAX_LOAD_DIVISOR = 2;

  private TraceConnection[] slots = new TraceConnection[INITIAL_SLOTS];
  private int size;

  /** The connection with this four-tuple ("a" first, see {@link FlowKey}), or null. */
  TraceConnection get(long aHigh, long aLow, long bHigh, long bLow, int ports) {
    int mask = slots.length - 1;
    for (int i = FlowKey.hash(aHigh, aLow, bHigh, bLow, ports) & mask; ; i = (i + 1) & mask) {
      TraceConnection c = slots[i];
      if (c == null || c.key.is(aHigh, aLow, bHigh, bLow, ports)) {
        return c;
      }
    }
  }

  /** Adds {@code c}, replacing a connection with the same key. */
  void put(TraceConnection c) {
    if ((size + 1) * MAX_LOAD_DIVISOR > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = c.key.hashCode() & mask;
    while (slots[i] != null && !slots[i].key.equals(c.key)) {
      i = (i + 1) & mask;
    }
    if (slots[i] == null) {
      size++;
    }
    slots[i] = c;
  }

  /** Removes {@code c} itself; false when it is not here (a later connection took its key). */
  boolean remove(TraceConnection c) {
    int mask = slots.length - 1;
    int i = c.key.hashCode() & mask;
    while (slots[i] != c) {
      if (slots[i] == null) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = null;
    size--;
    // Move back each later entry of the run whose home slot is not between the hole and it.
    for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
      int home = slots[j].key.hashCode() & mask;
      boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (!stays) {
        slots[i] = slots[j];
        slots[j] = null;
        i = j;
      }
    }
    return true;
  }

  private void grow() {
    TraceConnection[] old = slots;
    slots = new TraceConnection[old.length * 2];
    size = 0;
    for (TraceConnection c : old) {
      if (c != null) {
        put(c);
      }
    }
  }

  /** How many connections are here. */
  int size() {
    return size;
  }

  /** A snapshot of the connections, in no particular order. */
  List<TraceConnection> values() {
    List<TraceConnection> out = new ArrayList<>(size);
    for (TraceConnection c : slots) {
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }
}
