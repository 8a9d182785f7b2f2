package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * PAR-5: a failure for a reason other than resources gets NDIS_STATUS_FAILURE and stops the walk;
 * every object not attempted gets NDIS_STATUS_FAILURE too.
 *
 * <p>Exercised by an initiate completion in which an object below the root that the target could
 * have tried (its parent was offloaded) failed with NDIS_STATUS_FAILURE. Every object after it in
 * walk order must then be NDIS_STATUS_FAILURE. A failed root is PAR-4's. An object under a parent
 * that was not offloaded was never tried: its FAILURE does not stop the walk.
 *
 * <p>When it fails: the target went on after a non-resource failure (offloading the next path or
 * connection), or wrote RESOURCES for objects it never attempted.
 */
final class Par5FailureStopsWalk extends MonitorBase {
  Par5FailureStopsWalk(MonitorContext context) {
    super("PAR-5", context);
  }

  @Override
  public void onEvent(Event event) {
    TreeWalk walk = TreeWalk.of(event);
    if (walk == null) {
      return;
    }
    BlockView stop = null;
    for (BlockView b : walk.nodes.subList(1, walk.nodes.size())) {
      if (stop != null && b.status() != NdisStatus.FAILURE) {
        violation("the walk stops at " + TreeWalk.show(stop) + ": every later object NDIS_STATUS_FAILURE",
            TreeWalk.show(b), walk.completion);
      } else if (stop == null && b.status() == NdisStatus.FAILURE && walk.attemptable(b)) {
        exercise();
        stop = b;
      }
    }
  }
}
