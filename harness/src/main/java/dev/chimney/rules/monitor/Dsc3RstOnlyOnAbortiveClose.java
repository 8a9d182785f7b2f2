package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.wire.TcpFlag;
import java.util.Collections;
import java.util.Set;

/**
 * DSC-3: RST only on abortive close: the target sends no RST segment in any other case.
 *
 * <p>Exercised whenever the target sends a segment of its own on a connection that is or was
 * offloaded. Broken by any RST from the target (not from the host's ordinary send path) on a
 * connection with no abortive disconnect requested before it, including connections the host
 * never named: a target does not answer stray segments with RSTs, it passes them to the host.
 *
 * <p>When it fails: the target reset a connection on its own (a retransmission limit, a segment
 * it did not expect, a terminate or a graceful disconnect it turned into an abort).
 */
final class Dsc3RstOnlyOnAbortiveClose extends MonitorBase {
  private Set<String> abortiveRequested = Collections.emptySet();

  Dsc3RstOnlyOnAbortiveClose(MonitorContext context) {
    super("DSC-3", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_DISCONNECT
        && c.flags() == DisconnectFlags.ABORTIVE_CLOSE && c.connection() != null) {
      abortiveRequested = LazyCollections.add(abortiveRequested, c.connection());
    } else if (event instanceof Event.Packet p && tracker().isTargetPacket(p)) {
      TrackedConnection conn = tracker().connection(p.connection());
      if (conn != null && conn.everOffloaded()) {
        exercise();
      }
      if (p.segment().has(TcpFlag.RST) && !abortiveRequested.contains(p.connection())) {
        violation("no RST from the target without an abortive disconnect before it",
            "RST seq " + p.segment().seq() + " on " + (p.connection() == null ? "an unknown connection" : p.connection()), p);
      }
    }
  }
}
