package dev.chimney.trace;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpDelegatedState;
import java.util.List;
import java.util.Map;

/**
 * One host-stack action placed in a capture: it happens just before packet {@code packet}, or, for
 * a timed action, before the first packet captured {@code offsetNanos} or more after the first
 * packet. A packet one past the last means "after the last packet".
 *
 * @param source where it was declared, for messages: "manifest.yaml:12" or "packet 7 comment"
 * @param kind what the host does
 * @param packet the packet it precedes, from 1; 0 for a timed action
 * @param offsetNanos for a timed action, nanoseconds after the first packet; -1 otherwise
 * @param connection the connection's name ("TCP1"); never null
 * @param bytes data bytes for sends and disconnects, else 0
 * @param ids NET_BUFFER_LIST ids: the send's own (one), or those a send completion names; empty otherwise
 * @param status the completion status for completions and terminates; SUCCESS when not given
 * @param delegated for a terminate, the delegated TCP state the target handed back, else empty
 */
public record HostAction(String source, ActionKind kind, long packet, long offsetNanos, String connection,
    int bytes, List<Long> ids, NdisStatus status, Map<TcpDelegatedState.Field, Long> delegated) {
  public HostAction {
    ids = List.copyOf(ids);
    delegated = Map.copyOf(delegated);
  }

  /** True when placed by time rather than by packet number. */
  public boolean timed() {
    return offsetNanos >= 0;
  }
}
