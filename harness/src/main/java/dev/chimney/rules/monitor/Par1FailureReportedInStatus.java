package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import java.util.Set;

/**
 * PAR-1: a failed initiate is reported in the Status of the block lists.
 *
 * <p>Exercised by an initiate completion in which some object was not offloaded. Broken when the
 * handler returns anything but NDIS_STATUS_PENDING (the failure must come through the completion),
 * or when a block list of the completed tree carries a Status other than SUCCESS,
 * OFFLOAD_PARTIAL_SUCCESS, RESOURCES or FAILURE (PENDING means never written).
 *
 * <p>When it fails: the target failed the initiate from the handler, or left some block lists of
 * the tree unwritten (often those below the one that failed).
 */
final class Par1FailureReportedInStatus extends MonitorBase {
  private static final Set<NdisStatus> INITIATE_STATUSES = Set.of(NdisStatus.SUCCESS,
      NdisStatus.OFFLOAD_PARTIAL_SUCCESS, NdisStatus.RESOURCES, NdisStatus.FAILURE);

  Par1FailureReportedInStatus(MonitorContext context) {
    super("PAR-1", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Returned r && r.api() == Api.INITIATE_OFFLOAD && r.status() != NdisStatus.PENDING) {
      exercise();
      violation("MiniportInitiateOffload returns NDIS_STATUS_PENDING and reports failures in the block lists' Status",
          "it returned " + (r.status() == null ? "nothing" : r.status().ndisName()), r);
    }
    TreeWalk walk = TreeWalk.of(event);
    if (walk == null) {
      return;
    }
    for (BlockView b : walk.nodes) {
      if (!TreeWalk.offloaded(b)) {
        exercise();
      }
      if (!INITIATE_STATUSES.contains(b.status())) {
        violation("Status SUCCESS, OFFLOAD_PARTIAL_SUCCESS, RESOURCES or FAILURE in every block list",
            TreeWalk.show(b), walk.completion);
      }
    }
  }
}
