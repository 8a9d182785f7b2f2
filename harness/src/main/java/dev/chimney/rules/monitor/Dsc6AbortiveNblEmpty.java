package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.DisconnectFlags;

/**
 * DSC-6 (host): the NET_BUFFER of an abortive disconnect carries no data.
 *
 * <p>Exercised by every abortive MiniportTcpOffloadDisconnect; broken unless it hands over exactly
 * one list holding one NET_BUFFER with DataLength zero.
 *
 * <p>When it fails: the harness's host driver built the abortive disconnect's list like a graceful
 * one; fix the driver, not the target.
 */
final class Dsc6AbortiveNblEmpty extends MonitorBase {
  Dsc6AbortiveNblEmpty(MonitorContext context) {
    super("DSC-6", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT
        && c.flags() == DisconnectFlags.ABORTIVE_CLOSE) {
      exercise();
      boolean empty = c.nbls().size() == 1 && c.nbls().get(0).buffers() == 1 && c.nbls().get(0).dataLength() == 0;
      if (!empty) {
        violation("host: one NET_BUFFER_LIST with one empty NET_BUFFER for an abortive disconnect",
            c.nbls().size() + " list(s): " + c.nbls().stream().map(NblView::toString).toList(), c);
      }
    }
  }
}
