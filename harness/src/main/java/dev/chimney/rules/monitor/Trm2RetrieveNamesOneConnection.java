package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.TcpOffloadEvent;

/**
 * TRM-2: one TcpIndicateRetrieve names exactly one TCP connection.
 *
 * <p>Exercised by every TcpIndicateRetrieve. The event handler takes one handle, so the rule is
 * broken when that handle is missing or is not one the host ever gave the target. A neighbor's or
 * a path's handle is TRM-3's business.
 *
 * <p>When it fails: look at the handle the target passed to NdisTcpOffloadEventHandler; it must be
 * the NdisOffloadHandle of the TCP block list, kept from the initiate.
 */
final class Trm2RetrieveNamesOneConnection extends MonitorBase {
  Trm2RetrieveNamesOneConnection(MonitorContext context) {
    super("TRM-2", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.offloadEvent() == TcpOffloadEvent.INDICATE_RETRIEVE) {
      exercise();
      if (u.connection() == null) {
        violation("TcpIndicateRetrieve naming one TCP connection", "no connection handle", u);
      } else if (tracker().typeOf(u.connection()) == null) {
        violation("TcpIndicateRetrieve naming one TCP connection the host offloaded",
            "handle " + u.connection() + ", which the host never gave", u);
      }
    }
  }
}
