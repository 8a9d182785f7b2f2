package dev.chimney.host;

import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.TcpDelegatedState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one or more MiniportTerminateOffload calls the host waited for.
 *
 * @param statuses each object's Status at the completion, by name in walk order
 * @param uploads what each terminated TCP connection handed back, by connection name
 */
public record TerminateResult(Map<String, NdisStatus> statuses, Map<String, Upload> uploads) {
  public TerminateResult {
    statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    uploads = Collections.unmodifiableMap(new LinkedHashMap<>(uploads));
  }

  /** What {@code connection} handed back, or null when it was not terminated here. */
  public Upload upload(HostConnection connection) {
    return uploads.get(connection.name());
  }

  /**
   * What a terminate handed back for one TCP connection.
   *
   * @param connection the connection's name
   * @param status its block list's Status
   * @param chainNull whether NetBufferListChain was NULL (TOC-7)
   * @param returnedChain the lists of NetBufferListChain, in chain order; empty when NULL
   * @param delegated a copy of the delegated state as the target wrote it
   * @param bufferedData the delegated BufferedData lists, in order; empty when none (TOC-8)
   * @param completionEvent the seq of the NdisMTerminateOffloadComplete event
   */
  public record Upload(String connection, NdisStatus status, boolean chainNull,
      List<NetBufferList> returnedChain, TcpDelegatedState delegated, List<NetBufferList> bufferedData,
      long completionEvent) {
    public Upload {
      returnedChain = List.copyOf(returnedChain);
      bufferedData = List.copyOf(bufferedData);
    }
  }
}
