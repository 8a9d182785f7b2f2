package dev.chimney.spi;

/**
 * The host's side of the interface, which a target calls: NDIS's completion and indication
 * functions. The harness implements it and passes it in {@link TargetContext#host()}.
 *
 * <p>A target may call any method from any thread, including from inside a handler. Each call is
 * recorded in the run's event log and judged; none throws back at the target.
 */
public interface OffloadHost {

  /** {@code NdisMInitiateOffloadComplete}: the initiate of {@code root} is done; Status is written in every node. */
  void initiateOffloadComplete(OffloadBlockList root);

  /** {@code NdisMTerminateOffloadComplete}: the terminate of {@code root} is done (TOC-1 to TOC-9). */
  void terminateOffloadComplete(OffloadBlockList root);

  /**
   * {@code NdisTcpOffloadSendComplete}: the lists of {@code chain} are done, each with its Status
   * (SUCCESS: sent and acknowledged; REQUEST_ABORTED; UPLOAD_IN_PROGRESS...). A chain may mix lists
   * of several sends and connections, in completion order.
   */
  void tcpOffloadSendComplete(NetBufferList chain);

  /** {@code NdisTcpOffloadReceiveComplete}: posted receive lists filled (or failed), in order. */
  void tcpOffloadReceiveComplete(NetBufferList chain);

  /**
   * {@code NdisTcpOffloadReceiveHandler}: received data for which no posted buffer was available.
   *
   * @param connection the TCP object's handle
   * @param nbl a stand-alone list (no next) holding the data; the target owns it again once the
   *     host returns it through {@link OffloadTarget#tcpOffloadReceiveReturn}
   * @param status SUCCESS normally
   * @return the number of bytes the client consumed; the rest stays the target's to indicate again
   *     or to hand back as buffered data
   */
  int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status);

  /** {@code NdisTcpOffloadDisconnectComplete}: the disconnect of {@code nbl} is done, with its Status. */
  void tcpOffloadDisconnectComplete(NetBufferList nbl);

  /** {@code NdisTcpOffloadForwardComplete}: forwarded lists done, each exactly once (FWD-2). */
  void tcpOffloadForwardComplete(NetBufferList chain);

  /**
   * {@code NdisTcpOffloadEventHandler}.
   *
   * @param connection the handle of the TCP object concerned; never a neighbor's or a path's (TRM-3)
   * @param event what happened
   * @param reason for {@link TcpOffloadEvent#INDICATE_RETRIEVE}, why; otherwise null
   */
  void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason);

  /** {@code NdisMIndicateStatusEx}: {@link NdisStatus#UPLOAD_ALL} or {@link NdisStatus#OFFLOAD_RESUME}. */
  void indicateStatus(NdisStatus statusCode);

  /**
   * {@code NdisMIndicateReceiveNetBufferLists}, the ordinary receive path: a packet from the wire
   * that is not the target's to process.
   *
   * @param ipPacket a whole IPv4 packet; the host copies it
   */
  void indicateReceiveNetBufferLists(byte[] ipPacket);
}
