package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.wire.TcpFlag;
import java.util.Collections;
import java.util.Map;

/**
 * DSC-2: an abortive disconnect sends an RST.
 *
 * <p>Exercised by every abortive MiniportTcpOffloadDisconnect. Broken when the scenario ends with
 * no RST from the target on that connection after the request. A disconnect the target failed
 * (allowed while uploading or aborting, DSC-11) or refused (DSC-1) owes no RST.
 *
 * <p>When it fails: the target completed the abortive disconnect without transmitting an RST, or
 * sent it with another connection's addresses or ports; look at the capture after the request.
 */
final class Dsc2RstOnAbortiveClose extends MonitorBase {
  private Map<String, Event.Call> awaitingRst = Collections.emptyMap();

  Dsc2RstOnAbortiveClose(MonitorContext context) {
    super("DSC-2", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT
        && c.flags() == DisconnectFlags.ABORTIVE_CLOSE && c.connection() != null) {
      exercise();
      awaitingRst = LazyCollections.putOrdered(awaitingRst, c.connection(), c);
    } else if (event instanceof Event.Packet p && tracker().isTargetPacket(p) && p.segment().has(TcpFlag.RST)) {
      awaitingRst.remove(p.connection());
    } else if (event instanceof Event.Returned r && r.api() == Api.TCP_OFFLOAD_DISCONNECT
        && r.status() != NdisStatus.PENDING) {
      awaitingRst.remove(r.connection());
    } else if (event instanceof Event.Upcall u && u.api() == Api.TCP_OFFLOAD_DISCONNECT_COMPLETE) {
      Completion.Disconnect done = tracker().lastDisconnectCompletion();
      if (done != null && done.call() != null && done.nbl().status() != NdisStatus.SUCCESS) {
        awaitingRst.remove(done.call().connection());
      }
    }
  }

  @Override
  public void finish() {
    awaitingRst.forEach((name, call) -> violation("an RST from the target on " + name + " after the abortive disconnect",
        "no RST before the scenario ended", call));
  }
}
