package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * DSC-1: the disconnect handler always returns NDIS_STATUS_PENDING; the target completes it later,
 * exactly once, with NdisTcpOffloadDisconnectComplete.
 *
 * <p>Exercised by every MiniportTcpOffloadDisconnect. Broken by another return value, by a
 * completion of a list with no disconnect pending (a second completion), and by a disconnect still
 * pending when the scenario ends (the scenario ends after its steps waited, with the named
 * completion timeout, for what they asked).
 *
 * <p>When it fails: a handler that fails synchronously (it must report failures in the
 * completion's Status), or two completion paths (handler and timer, or disconnect and terminate).
 */
final class Dsc1DisconnectPendingThenCompletedOnce extends MonitorBase {
  Dsc1DisconnectPendingThenCompletedOnce(MonitorContext context) {
    super("DSC-1", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT) {
      exercise();
    } else if (event instanceof Event.Returned r && r.api() == Api.TCP_OFFLOAD_DISCONNECT
        && r.status() != NdisStatus.PENDING) {
      violation("MiniportTcpOffloadDisconnect returns NDIS_STATUS_PENDING, always",
          r.thrown() != null ? "it threw " + r.thrown() : "it returned " + (r.status() == null ? "nothing" : r.status().ndisName()), r);
    } else if (event instanceof Event.Upcall u && u.api() == Api.TCP_OFFLOAD_DISCONNECT_COMPLETE) {
      Completion.Disconnect done = tracker().lastDisconnectCompletion();
      if (done != null && done.call() == null) {
        violation("NdisTcpOffloadDisconnectComplete exactly once per disconnect",
            "a completion of list #" + done.nbl().id() + ", which has no disconnect pending", u);
      }
    }
  }

  @Override
  public void finish() {
    tracker().pendingDisconnects().values().stream().distinct().forEach(call -> violation(
        "NdisTcpOffloadDisconnectComplete for the disconnect", "never completed", call));
  }
}
