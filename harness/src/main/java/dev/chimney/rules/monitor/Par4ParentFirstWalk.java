package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * PAR-4: the target walks the state tree parent first; if it cannot offload the root, it stops.
 *
 * <p>Exercised by every initiate completion of a tree with more than one object. Broken when an
 * object is offloaded (SUCCESS or PARTIAL_SUCCESS) under a parent that was not (a child cannot be
 * offloaded before, or without, its parent), or when the root was not offloaded and some other
 * object has a Status other than NDIS_STATUS_FAILURE (nothing below a failed root is attempted).
 *
 * <p>When it fails: the target offloads the tree's objects in some other order (TCP objects
 * first), or keeps walking after the neighbor failed.
 */
final class Par4ParentFirstWalk extends MonitorBase {
  Par4ParentFirstWalk(MonitorContext context) {
    super("PAR-4", context);
  }

  @Override
  public void onEvent(Event event) {
    TreeWalk walk = TreeWalk.of(event);
    if (walk == null || walk.nodes.size() < 2) {
      return;
    }
    exercise();
    boolean rootFailed = !TreeWalk.offloaded(walk.root());
    for (BlockView b : walk.nodes.subList(1, walk.nodes.size())) {
      BlockView parent = walk.parent(b);
      if (rootFailed && b.status() != NdisStatus.FAILURE) {
        violation("the walk stops at the root " + TreeWalk.show(walk.root()) + ": every other object NDIS_STATUS_FAILURE",
            TreeWalk.show(b), walk.completion);
      } else if (!rootFailed && TreeWalk.offloaded(b) && parent != null && !TreeWalk.offloaded(parent)) {
        violation("parent first: " + b.name() + " offloaded only if its parent is",
            TreeWalk.show(b) + " under " + TreeWalk.show(parent), walk.completion);
      }
    }
  }
}
