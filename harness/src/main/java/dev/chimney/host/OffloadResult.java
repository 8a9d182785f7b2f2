package dev.chimney.host;

import dev.chimney.spi.NdisStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one MiniportInitiateOffload.
 *
 * @param returned what the handler returned (PENDING when it behaved), or null when it threw
 * @param statuses each object's Status at the completion, by name in walk order ("Neighbor1",
 *     "Path1", "TCP1"); empty when the target never completed
 * @param completionEvent the seq of the NdisMInitiateOffloadComplete event, or 0 when none
 */
public record OffloadResult(NdisStatus returned, Map<String, NdisStatus> statuses, long completionEvent) {
  public OffloadResult {
    statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
  }

  /** The Status of the object named {@code name}, or null when it is not in the result. */
  public NdisStatus status(String name) {
    return statuses.get(name);
  }

  /** The Status of {@code connection}'s TCP object. */
  public NdisStatus status(HostConnection connection) {
    return statuses.get(connection.name());
  }

  /** Whether the connection's TCP object was offloaded (SUCCESS or OFFLOAD_PARTIAL_SUCCESS). */
  public boolean offloaded(HostConnection connection) {
    return isOffloaded(status(connection));
  }

  static boolean isOffloaded(NdisStatus s) {
    return s == NdisStatus.SUCCESS || s == NdisStatus.OFFLOAD_PARTIAL_SUCCESS;
  }
}
