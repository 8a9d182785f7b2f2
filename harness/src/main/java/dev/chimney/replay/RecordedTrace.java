package dev.chimney.replay;

import dev.chimney.trace.HostAction;
import dev.chimney.trace.TraceManifest;
import java.util.List;

/**
 * What {@link RecordedTraceReader} read for a replay: one connection's segments, the host
 * actions placed among them, and the initial sequence numbers both sides used. Immutable.
 *
 * @param manifest the manifest it came from
 * @param packets the connection's segments in capture order
 * @param actions the host's actions on that connection, each placed before packet {@code packet()}
 *     (one past the last packet means after it); timed ones already placed by number
 * @param targetIsn the target's initial sequence number (its SYN's, or one before its first segment's)
 * @param peerIsn the peer's initial sequence number, likewise
 * @param connection the connection's name in the capture ("TCP1", as check-trace names it)
 * @param otherConnections how many other connections the capture holds (not replayed)
 * @param lastPacket the capture's last packet number
 */
public record RecordedTrace(TraceManifest manifest, List<RecordedPacket> packets, List<HostAction> actions,
    long targetIsn, long peerIsn, String connection, int otherConnections, long lastPacket) {
  public RecordedTrace {
    packets = List.copyOf(packets);
    actions = List.copyOf(actions);
  }

  /** The trace's name: the manifest's file name without {@code .yaml}. */
  public String name() {
    String file = manifest.file().getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** The target's segments that follow the handshake: what the live target is compared with. */
  public List<RecordedPacket> targetSegments() {
    return packets.stream().filter(p -> p.fromTarget() && !p.handshake()).toList();
  }
}
