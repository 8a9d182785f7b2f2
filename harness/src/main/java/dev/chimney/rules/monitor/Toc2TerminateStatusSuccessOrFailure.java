package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * TOC-2: before completing a terminate the target writes NDIS_STATUS_SUCCESS or NDIS_STATUS_FAILURE,
 * and no other value, into the Status of every block list of the tree.
 *
 * <p>Exercised by every terminate completion; broken by any block list of it with another status
 * (PENDING means it was never written).
 *
 * <p>When it fails: the named block list kept the status it had (PENDING from the host, or the
 * initiate's PARTIAL_SUCCESS); the target must write each node of the tree, not only the TCP ones.
 */
final class Toc2TerminateStatusSuccessOrFailure extends MonitorBase {
  Toc2TerminateStatusSuccessOrFailure(MonitorContext context) {
    super("TOC-2", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE) {
      exercise();
      for (BlockView b : u.tree()) {
        if (b.status() != NdisStatus.SUCCESS && b.status() != NdisStatus.FAILURE) {
          violation("Status NDIS_STATUS_SUCCESS or NDIS_STATUS_FAILURE in every block list",
              b.name() + " " + b.status().ndisName(), u);
        }
      }
    }
  }
}
