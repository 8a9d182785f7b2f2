package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;

/**
 * FWD-5 (host): the host forwards only once the offload of the connection has completed, and
 * buffers (does not forward) while its termination is in progress.
 *
 * <p>Exercised by every MiniportTcpOffloadForward; broken when the connection it names is not
 * offloaded at that moment (its initiate not yet completed, its terminate begun, or never offloaded).
 *
 * <p>When it fails: the harness's host driver forwarded from its receive path without checking the
 * connection's phase; fix the driver.
 */
final class Fwd5ForwardOnlyWhenOffloaded extends MonitorBase {
  Fwd5ForwardOnlyWhenOffloaded(MonitorContext context) {
    super("FWD-5", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_FORWARD) {
      exercise();
      TrackedConnection conn = tracker().connection(c.connection());
      if (conn == null || conn.phase != Phase.OFFLOADED) {
        violation("host: a forward only on a connection whose offload completed and whose terminate has not begun",
            "forwarded on " + c.connection() + " while " + (conn == null ? "unknown" : conn.phase), c);
      }
    }
  }
}
