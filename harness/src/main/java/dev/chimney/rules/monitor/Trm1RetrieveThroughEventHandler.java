package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpOffloadEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TRM-1: a target asks for one connection's termination through TcpIndicateRetrieve with a
 * TCP_UPLOAD_REASON; the host answers by terminating that connection as soon as possible.
 *
 * <p>Exercised by every TcpIndicateRetrieve. Target half: the event carries a reason. Host half:
 * "as soon as possible" is judged by order, not time: after a retrieve for an offloaded connection,
 * the host's next call naming that connection is MiniportTerminateOffload (returning indicated
 * buffers, and the harness's own requests to the target, do not count), and the scenario does not
 * end without it. A retrieve for a connection already terminating or uploaded needs no answer
 * (TRM-4).
 *
 * <p>When it fails: "no reason" is the target's NdisTcpOffloadEventHandler call; a late or missing
 * terminate is the harness's host driver, which must answer retrieves before anything else.
 */
final class Trm1RetrieveThroughEventHandler extends MonitorBase {
  private final Map<String, Event.Upcall> awaitingTerminate = new LinkedHashMap<>();

  Trm1RetrieveThroughEventHandler(MonitorContext context) {
    super("TRM-1", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.offloadEvent() == TcpOffloadEvent.INDICATE_RETRIEVE) {
      exercise();
      if (u.reason() == null) {
        violation("a TCP_UPLOAD_REASON with TcpIndicateRetrieve", "no reason", u);
      }
      TrackedConnection conn = tracker().connection(u.connection());
      if (conn != null && conn.phase == Phase.OFFLOADED) {
        awaitingTerminate.putIfAbsent(conn.name, u);
      }
    } else if (event instanceof Event.Call c) {
      if (c.api() == Api.TERMINATE_OFFLOAD) {
        for (BlockView b : c.tree()) {
          if (b.type() == OffloadStateType.TCP) {
            awaitingTerminate.remove(b.name());
          }
        }
      } else if (c.api() != Api.TCP_OFFLOAD_RECEIVE_RETURN && !c.api().harnessRequest() && c.connection() != null) {
        Event.Upcall retrieve = awaitingTerminate.remove(c.connection());
        if (retrieve != null) {
          violation("host: MiniportTerminateOffload as its next call on " + c.connection()
              + " after the TcpIndicateRetrieve of event #" + retrieve.seq(),
              c.api().ndisName() + " first", c);
        }
      }
    }
  }

  @Override
  public void finish() {
    awaitingTerminate.forEach((name, retrieve) -> violation(
        "host: MiniportTerminateOffload for " + name + " after its TcpIndicateRetrieve",
        "no terminate before the scenario ended", retrieve));
  }
}
