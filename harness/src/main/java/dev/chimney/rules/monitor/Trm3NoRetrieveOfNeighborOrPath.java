package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpOffloadEvent;

/**
 * TRM-3: a target never requests the termination of a neighbor or path state object.
 *
 * <p>Exercised by every TcpIndicateRetrieve; broken when its handle is a neighbor's or a path's
 * (the kinds the host's trees gave each name).
 *
 * <p>When it fails: the target passed a NEIGHBOR or PATH block list's handle to
 * NdisTcpOffloadEventHandler; only TCP objects can be retrieved.
 */
final class Trm3NoRetrieveOfNeighborOrPath extends MonitorBase {
  Trm3NoRetrieveOfNeighborOrPath(MonitorContext context) {
    super("TRM-3", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.offloadEvent() == TcpOffloadEvent.INDICATE_RETRIEVE) {
      exercise();
      OffloadStateType type = tracker().typeOf(u.connection());
      if (type == OffloadStateType.NEIGHBOR || type == OffloadStateType.PATH) {
        violation("TcpIndicateRetrieve for a TCP connection only", u.connection() + ", a " + type + " object", u);
      }
    }
  }
}
