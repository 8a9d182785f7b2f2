package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;

/**
 * FWD-4 (host): one TCP segment per NET_BUFFER, one NET_BUFFER per NET_BUFFER_LIST, the first
 * byte being the TCP header.
 *
 * <p>Exercised by every MiniportTcpOffloadForward. Broken by an empty forward, a list with other
 * than one NET_BUFFER, or a list too short to start with a TCP header (20 bytes).
 *
 * <p>When it fails: the harness's host driver packed the forward wrongly (several segments in one
 * list, or the IP header left in front); fix the driver.
 */
final class Fwd4OneSegmentPerNbl extends MonitorBase {
  Fwd4OneSegmentPerNbl(MonitorContext context) {
    super("FWD-4", context);
  }

  @Override
  public void onEvent(Event event) {
    if (!(event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_FORWARD)) {
      return;
    }
    exercise();
    if (c.nbls().isEmpty()) {
      violation("host: at least one forwarded list", "an empty forward", c);
    }
    for (NblView n : c.nbls()) {
      if (n.buffers() != 1) {
        violation("host: one NET_BUFFER per forwarded list", "list #" + n.id() + " with " + n.buffers(), c);
      } else if (n.dataLength() < ForwardedSegments.TCP_HEADER_BYTES) {
        violation("host: a forwarded list starting with a TCP header (at least "
            + ForwardedSegments.TCP_HEADER_BYTES + " bytes)", "list #" + n.id() + " of " + n.dataLength() + " bytes", c);
      }
    }
  }
}
