package dev.chimney.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The live connections by four-tuple, looked up from a packet's fields without building a key:
 * an open-addressing table with linear probing, which keeps each slot's key inline in one array of
 * longs beside the connections, so a lookup allocates nothing and compares keys in a run of
 * adjacent memory instead of following a pointer to each candidate's key object (a cache miss per
 * packet in a capture with thousands of live connections). Deletion shifts the following entries
 * back (no tombstones), so a capture that opens and retires millions of connections keeps probe
 * runs short. Grows with the live connections, never shrinks. Trace judge thread only.
 */
final class FlowIndex {
  /** Slots at first: a power of two. */
  static final int INITIAL_SLOTS = 1 << 10;
  /** At most one slot in two used, which keeps linear-probing runs short. */
  private static final int MAX_LOAD_DIVISOR = 2;
  /** A slot's key in {@link #keys}: aHigh, aLow, bHigh, bLow, ports. */
  private static final int KEY_LONGS = 5;

  private TraceConnection[] slots = new TraceConnection[INITIAL_SLOTS];
  private long[] keys = new long[INITIAL_SLOTS * KEY_LONGS];
  private int size;

  /** The connection with this four-tuple ("a" first, see {@link FlowKey}), or null. */
  TraceConnection get(long aHigh, long aLow, long bHigh, long bLow, int ports) {
    int mask = slots.length - 1;
    long[] k = keys;
    for (int i = FlowKey.hash(aHigh, aLow, bHigh, bLow, ports) & mask; ; i = (i + 1) & mask) {
      TraceConnection c = slots[i];
      int at = i * KEY_LONGS;
      if (c == null || k[at + 1] == aLow && k[at + 3] == bLow && k[at + 4] == ports && k[at] == aHigh
          && k[at + 2] == bHigh) {
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
    int at = i * KEY_LONGS;
    keys[at] = c.key.aHigh();
    keys[at + 1] = c.key.aLow();
    keys[at + 2] = c.key.bHigh();
    keys[at + 3] = c.key.bLow();
    keys[at + 4] = c.key.ports();
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
        System.arraycopy(keys, j * KEY_LONGS, keys, i * KEY_LONGS, KEY_LONGS);
        slots[j] = null;
        i = j;
      }
    }
    return true;
  }

  private void grow() {
    TraceConnection[] old = slots;
    slots = new TraceConnection[old.length * 2];
    keys = new long[slots.length * KEY_LONGS];
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
