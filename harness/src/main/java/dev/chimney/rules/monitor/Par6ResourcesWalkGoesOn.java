package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import java.util.List;

/**
 * PAR-6: a failure for lack of resources gets NDIS_STATUS_RESOURCES and the walk goes on.
 *
 * <p>Exercised by an initiate completion in which an object below the root got RESOURCES and the
 * walk had somewhere to go after it (an object after it in walk order, outside its subtree).
 *
 * <p>Decision: the monitor sees statuses, not the target's reasons, so it cannot always tell a walk
 * that stopped at a RESOURCES object from a genuine non-resource failure of the next one. It judges
 * the case it can: two TCP objects under the same offloaded path differ only in their ports, so a
 * TCP object that got RESOURCES followed by a sibling TCP object with FAILURE means the walk stopped
 * where it should have gone on (the sibling lacked resources just as much, or was not attempted).
 * The scenario that provokes RESOURCES through the connection limit builds exactly that tree.
 *
 * <p>When it fails: the target treats "no resources" like any failure and stops walking; it must
 * write RESOURCES and carry on with the next object.
 */
final class Par6ResourcesWalkGoesOn extends MonitorBase {
  Par6ResourcesWalkGoesOn(MonitorContext context) {
    super("PAR-6", context);
  }

  @Override
  public void onEvent(Event event) {
    TreeWalk walk = TreeWalk.of(event);
    if (walk == null) {
      return;
    }
    List<BlockView> nodes = walk.nodes;
    for (int i = 1; i < nodes.size(); i++) {
      BlockView r = nodes.get(i);
      if (r.status() != NdisStatus.RESOURCES) {
        continue;
      }
      BlockView next = nextOutside(walk, i);
      if (next == null) {
        continue;
      }
      exercise();
      if (r.type() == OffloadStateType.TCP && next.type() == OffloadStateType.TCP
          && r.parent() != null && r.parent().equals(next.parent()) && walk.attemptable(next)
          && next.status() == NdisStatus.FAILURE) {
        violation("after " + TreeWalk.show(r) + " the walk goes on to " + next.name()
            + " (RESOURCES again at worst)", TreeWalk.show(next) + ": the walk stopped", walk.completion);
      }
    }
  }

  /** The first object after nodes[i] in walk order that is not below it, or null. */
  private static BlockView nextOutside(TreeWalk walk, int i) {
    BlockView r = walk.nodes.get(i);
    for (BlockView b : walk.nodes.subList(i + 1, walk.nodes.size())) {
      if (!walk.isBelow(b, r)) {
        return b;
      }
    }
    return null;
  }
}
