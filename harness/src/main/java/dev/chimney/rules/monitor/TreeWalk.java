package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An initiate's tree as the target completed it, in walk order (parent first), with the questions
 * PAR-2 to PAR-7 ask of it.
 */
final class TreeWalk {
  final Event.Upcall completion;
  final List<BlockView> nodes;
  private final Map<String, BlockView> byName = new HashMap<>();

  private TreeWalk(Event.Upcall completion) {
    this.completion = completion;
    this.nodes = completion.tree();
    nodes.forEach(b -> byName.put(b.name(), b));
  }

  /** The walk of an initiate completion, or null for any other event or an empty tree. */
  static TreeWalk of(Event event) {
    if (event instanceof Event.Upcall u && u.api() == Api.INITIATE_OFFLOAD_COMPLETE && !u.tree().isEmpty()) {
      return new TreeWalk(u);
    }
    return null;
  }

  /** True when the target offloaded the object (SUCCESS or OFFLOAD_PARTIAL_SUCCESS). */
  static boolean offloaded(BlockView b) {
    return b.status() == NdisStatus.SUCCESS || b.status() == NdisStatus.OFFLOAD_PARTIAL_SUCCESS;
  }

  BlockView root() {
    return nodes.get(0);
  }

  /** The parent of {@code b}, or null for the root (or a parent missing from the tree). */
  BlockView parent(BlockView b) {
    return b.parent() == null ? null : byName.get(b.parent());
  }

  /** The direct dependents of {@code b}, in order. */
  List<BlockView> dependents(BlockView b) {
    return nodes.stream().filter(n -> b.name().equals(n.parent())).toList();
  }

  /** True when {@code b} lies below {@code ancestor}. */
  boolean isBelow(BlockView b, BlockView ancestor) {
    for (BlockView p = parent(b); p != null; p = parent(p)) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** True when the target could have tried {@code b}: it is the root, or its parent was offloaded. */
  boolean attemptable(BlockView b) {
    BlockView p = parent(b);
    return p == null || offloaded(p);
  }

  /**
   * The objects of this walk the target did not offload although the host handed them over with
   * send data in {@code call}, each with its block as given: the situation PAR-2 and PAR-3 judge.
   */
  List<Refused> refusedWithSendData(Event.Call call) {
    Map<String, BlockView> given = new HashMap<>();
    call.tree().forEach(b -> given.put(b.name(), b));
    List<Refused> refused = new ArrayList<>();
    for (BlockView b : nodes) {
      BlockView before = given.get(b.name());
      if (!offloaded(b) && before != null && before.chain() != null && !before.chain().isEmpty()) {
        refused.add(new Refused(b, before));
      }
    }
    return refused;
  }

  /** An object the target refused: as completed, and as the host gave it. */
  record Refused(BlockView completed, BlockView given) {}

  /** "Path2 NDIS_STATUS_FAILURE", for evidence. */
  static String show(BlockView b) {
    return b.name() + " " + b.status().ndisName();
  }
}
