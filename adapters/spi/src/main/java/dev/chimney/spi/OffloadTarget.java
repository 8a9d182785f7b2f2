package dev.chimney.spi;

/**
 * An offload target: the handlers NDIS calls on a chimney-capable miniport, plus its port on the
 * wire. One instance is one adapter, created by {@link OffloadTargetProvider#create} for one
 * scenario and closed at its end.
 *
 * <p>Who calls: the harness, playing NDIS and the host stack, on one thread at a time. Every
 * handler returns at once. Those that the specification makes asynchronous return {@link
 * NdisStatus#PENDING} and complete later through {@link TargetContext#host()}, from any thread.
 * A handler may also return a failure status where the specification allows it (for example
 * {@link NdisStatus#UPLOAD_IN_PROGRESS} while the connection is being terminated); it then does not
 * complete the request. A handler must not throw: a throw fails the scenario with the exception as
 * the reason.
 *
 * <p>{@code context} parameters are the MiniportOffloadContext the target wrote into the TCP block
 * list on initiate; never null.
 */
public interface OffloadTarget extends AutoCloseable {

  /**
   * {@code MiniportInitiateOffload}: offload the state tree rooted at {@code root}, walking it parent
   * first; write each block list's Status (and MiniportOffloadContext for each TCP object offloaded),
   * then call {@link OffloadHost#initiateOffloadComplete} with the same root.
   *
   * @param root a neighbor block list; never null
   * @return {@link NdisStatus#PENDING}
   */
  NdisStatus initiateOffload(OffloadBlockList root);

  /**
   * {@code MiniportTerminateOffload}: upload the objects of the tree rooted at {@code root}; write
   * Status, the delegated state and NetBufferListChain of each, then call {@link
   * OffloadHost#terminateOffloadComplete} with the same root, once.
   *
   * @param root the tree of objects to terminate (a neighbor, a path or a TCP block list as root);
   *     never null. The objects are those of an earlier successful initiate.
   * @return {@link NdisStatus#PENDING}
   */
  NdisStatus terminateOffload(OffloadBlockList root);

  /**
   * {@code MiniportTcpOffloadSend}: transmit the data of the chain, in order, after all data of
   * earlier sends; complete each list through {@link OffloadHost#tcpOffloadSendComplete} once the
   * peer has acknowledged all its data, in the order the lists were delivered (SND-1, SND-2).
   *
   * @param chain head of a chain of one or more lists; never null
   * @return {@link NdisStatus#PENDING}
   */
  NdisStatus tcpOffloadSend(Object context, NetBufferList chain);

  /**
   * {@code MiniportTcpOffloadReceive}: post receive buffers. The target fills them with in-order
   * data and completes them through {@link OffloadHost#tcpOffloadReceiveComplete}.
   *
   * @param chain head of a chain of empty lists; never null
   * @return {@link NdisStatus#PENDING}
   */
  NdisStatus tcpOffloadReceive(Object context, NetBufferList chain);

  /**
   * {@code MiniportTcpOffloadReceiveReturn}: the host gives back lists the target passed up in
   * {@link OffloadHost#tcpOffloadReceiveIndicate} or as buffered data. Returns nothing.
   *
   * @param chain the returned lists; never null
   */
  void tcpOffloadReceiveReturn(NetBufferList chain);

  /**
   * {@code MiniportTcpOffloadDisconnect}: close the send half. Abortive: send an RST, complete
   * outstanding sends with REQUEST_ABORTED, stop processing received segments. Graceful: send the
   * data of {@code nbl}, if any, then a FIN, without waiting for acknowledgments. Complete through
   * {@link OffloadHost#tcpOffloadDisconnectComplete} with {@code nbl}, once.
   *
   * @param nbl one list with one buffer: empty for abortive, the last data (possibly none) for
   *     graceful; never null
   * @return {@link NdisStatus#PENDING}, always (DSC-1); failures are reported in the completion
   */
  NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags);

  /**
   * {@code MiniportTcpOffloadForward}: received segments the host took in but did not acknowledge.
   * Each list holds one buffer holding one TCP segment, its first byte the TCP header. Process them
   * as if they came off the wire and complete each list through {@link
   * OffloadHost#tcpOffloadForwardComplete}, exactly once.
   *
   * @param chain head of a chain of one or more lists; never null
   * @return {@link NdisStatus#PENDING}, the only allowed value (FWD-1)
   */
  NdisStatus tcpOffloadForward(Object context, NetBufferList chain);

  /**
   * {@code MiniportSendNetBufferLists}, the ordinary (non-offload) send path: transmit {@code
   * ipPacket} on the wire unchanged. The host sends its own segments this way (the handshake before
   * an offload, segments of connections it has uploaded).
   *
   * @param ipPacket a whole IPv4 packet; never null; the target must not keep it
   */
  void sendNetBufferLists(byte[] ipPacket);

  /**
   * A packet arrived from the wire. Segments of offloaded connections are the target's to process;
   * everything else, and segments of connections being terminated (TOC-10), goes to the host through
   * {@link OffloadHost#indicateReceiveNetBufferLists}.
   *
   * @param ipPacket a whole IPv4 packet; never null; the target may keep it
   */
  void receiveFromWire(byte[] ipPacket);

  /**
   * Asks the target to indicate {@link NdisStatus#UPLOAD_ALL}, as a teaming driver's failover would.
   * Only called on targets that declare {@link Capability#UPLOAD_ALL}.
   */
  default void requestUploadAll() {
    throw new UnsupportedOperationException("UPLOAD_ALL is not supported by this target");
  }

  /**
   * Asks the target to request the termination of the connection whose MiniportOffloadContext is
   * {@code context} through {@link TcpOffloadEvent#INDICATE_RETRIEVE}, as it would under resource
   * pressure. Only called on targets that declare {@link Capability#TERMINATE_REQUEST}.
   */
  default void requestRetrieve(Object context) {
    throw new UnsupportedOperationException("TcpIndicateRetrieve is not supported by this target");
  }

  /**
   * {@code MiniportHaltEx}: the scenario is over; release everything. Called once, last, even after
   * a failure. Must not throw.
   */
  @Override
  void close();
}
