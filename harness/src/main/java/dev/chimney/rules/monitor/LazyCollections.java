package dev.chimney.rules.monitor;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps and sets made on their first write. check-trace gives every connection of a capture its own
 * tracker and monitors, and most of their maps wait for host requests that a capture seldom has:
 * until written, such a field holds {@link Collections#emptyMap()} (or {@link Collections#emptySet()}),
 * which costs nothing and reads as an empty HashMap does, null keys included. Write through these
 * methods and keep what they return.
 */
final class LazyCollections {
  /**
   * Capacity of a new ordered map: most hold one connection's entry. Iteration order does not depend
   * on it, so only ordered maps start small (a HashMap's order depends on its table size).
   */
  private static final int ORDERED_INITIAL_CAPACITY = 2;

  private LazyCollections() {}

  /** {@code map} with {@code key} put, a new HashMap if {@code map} was the shared empty one. */
  static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
    Map<K, V> writable = map == Collections.<K, V>emptyMap() ? new HashMap<>() : map;
    writable.put(key, value);
    return writable;
  }

  /** {@code map} with {@code key} put, a new LinkedHashMap if {@code map} was the shared empty one. */
  static <K, V> Map<K, V> putOrdered(Map<K, V> map, K key, V value) {
    Map<K, V> writable = map == Collections.<K, V>emptyMap() ? new LinkedHashMap<>(ORDERED_INITIAL_CAPACITY) : map;
    writable.put(key, value);
    return writable;
  }

  /** {@code set} with {@code element} added, a new HashSet if {@code set} was the shared empty one. */
  static <E> Set<E> add(Set<E> set, E element) {
    Set<E> writable = set == Collections.<E>emptySet() ? new HashSet<>() : set;
    writable.add(element);
    return writable;
  }
}
