package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * TRM-5: the host may terminate an offload whatever the connection's state; the target complies.
 *
 * <p>Exercised by every MiniportTerminateOffload. Decision: complying means accepting the request,
 * so the handler returns NDIS_STATUS_PENDING whatever the state (handshake done, FIN sent or
 * received, disconnect pending, sends or receives outstanding); that the completion then comes is
 * TOC-1, and which status it carries is TOC-2 and TOC-4.
 *
 * <p>When it fails: the target refused the terminate outright (often INVALID_STATE while a
 * disconnect or send is pending); it must upload the connection in any state.
 */
final class Trm5TerminateInAnyState extends MonitorBase {
  Trm5TerminateInAnyState(MonitorContext context) {
    super("TRM-5", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TERMINATE_OFFLOAD) {
      exercise();
    } else if (event instanceof Event.Returned r && r.api() == Api.TERMINATE_OFFLOAD
        && r.status() != NdisStatus.PENDING) {
      violation("MiniportTerminateOffload accepted (NDIS_STATUS_PENDING) whatever the connection's state",
          r.thrown() != null ? "it threw " + r.thrown() : "it returned " + (r.status() == null ? "nothing" : r.status().ndisName()), r);
    }
  }
}
