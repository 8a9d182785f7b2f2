package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import java.util.List;

/**
 * PAR-7: an offloaded object with at least one dependent that was not offloaded gets
 * NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS; one whose dependents were all offloaded, or that has none,
 * gets NDIS_STATUS_SUCCESS.
 *
 * <p>Exercised by an initiate completion with an offloaded object that has dependents. Decision:
 * "dependents" are the direct ones, as in the specification's example (the neighbor is
 * PARTIAL_SUCCESS because a path failed, the path because a TCP object failed); an offloaded
 * dependent counts as offloaded whether it was SUCCESS or PARTIAL_SUCCESS.
 *
 * <p>When it fails: the target writes SUCCESS for each object it offloads without looking at its
 * dependents' outcome, or PARTIAL_SUCCESS where all went well.
 */
final class Par7PartialSuccessStatus extends MonitorBase {
  Par7PartialSuccessStatus(MonitorContext context) {
    super("PAR-7", context);
  }

  @Override
  public void onEvent(Event event) {
    TreeWalk walk = TreeWalk.of(event);
    if (walk == null) {
      return;
    }
    for (BlockView b : walk.nodes) {
      if (!TreeWalk.offloaded(b)) {
        continue;
      }
      List<BlockView> dependents = walk.dependents(b);
      if (!dependents.isEmpty()) {
        exercise();
      }
      List<String> notOffloaded = dependents.stream().filter(d -> !TreeWalk.offloaded(d)).map(BlockView::name).toList();
      NdisStatus expected = notOffloaded.isEmpty() ? NdisStatus.SUCCESS : NdisStatus.OFFLOAD_PARTIAL_SUCCESS;
      if (b.status() != expected) {
        violation(b.name() + " " + expected.ndisName()
            + (notOffloaded.isEmpty() ? " (every dependent offloaded)" : " (" + notOffloaded + " not offloaded)"),
            b.status().ndisName(), walk.completion);
      }
    }
  }
}
