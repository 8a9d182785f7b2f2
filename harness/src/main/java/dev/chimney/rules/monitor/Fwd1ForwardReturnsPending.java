package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * FWD-1: the forward handler returns NDIS_STATUS_PENDING and nothing else.
 *
 * <p>Exercised by every MiniportTcpOffloadForward; broken by any other return (or a throw).
 *
 * <p>When it fails: the target rejects forwarded segments synchronously (busy, connection not
 * ready); it must take them and complete them later, whatever becomes of them.
 */
final class Fwd1ForwardReturnsPending extends MonitorBase {
  Fwd1ForwardReturnsPending(MonitorContext context) {
    super("FWD-1", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_FORWARD) {
      exercise();
    } else if (event instanceof Event.Returned r && r.api() == Api.TCP_OFFLOAD_FORWARD
        && r.status() != NdisStatus.PENDING) {
      violation("MiniportTcpOffloadForward returns NDIS_STATUS_PENDING and nothing else",
          r.thrown() != null ? "it threw " + r.thrown() : "it returned " + (r.status() == null ? "nothing" : r.status().ndisName()), r);
    }
  }
}
