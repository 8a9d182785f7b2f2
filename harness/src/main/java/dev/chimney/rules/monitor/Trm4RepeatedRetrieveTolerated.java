package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpOffloadEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * TRM-4 (host): repeated TcpIndicateRetrieve for one connection are tolerated: one termination,
 * no error.
 *
 * <p>Exercised when a connection gets a second retrieve within one offload. Broken when the host
 * calls MiniportTerminateOffload for a connection it is already terminating or has terminated,
 * since it was last offloaded: that is the second termination the rule forbids. The check holds
 * in every scenario, since a double terminate is wrong whatever caused it.
 *
 * <p>When it fails: the harness's host driver answered each retrieve with a terminate; it must
 * remember the connection is already being terminated.
 */
final class Trm4RepeatedRetrieveTolerated extends MonitorBase {
  private final Set<String> terminated = new HashSet<>();

  Trm4RepeatedRetrieveTolerated(MonitorContext context) {
    super("TRM-4", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.offloadEvent() == TcpOffloadEvent.INDICATE_RETRIEVE) {
      TrackedConnection conn = tracker().connection(u.connection());
      if (conn != null && conn.retrieveRequests >= 2) {
        exercise();
      }
    } else if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD) {
      tcpNames(c).forEach(terminated::remove);
    } else if (event instanceof Event.Call c && c.api() == Api.TERMINATE_OFFLOAD) {
      for (String name : tcpNames(c)) {
        if (!terminated.add(name)) {
          violation("host: one termination of " + name + " however often the target asks",
              "a second MiniportTerminateOffload for it", c);
        }
      }
    }
  }

  private static Iterable<String> tcpNames(Event.Call c) {
    return c.tree().stream().filter(b -> b.type() == OffloadStateType.TCP).map(BlockView::name).toList();
  }
}
