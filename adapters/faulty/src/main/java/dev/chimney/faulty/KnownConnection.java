package dev.chimney.faulty;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NetBufferList;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an interposer learned of one connection it saw offloaded: its handles and addresses, the
 * send lists the host handed over with their place in the byte stream, and what crossed the
 * boundary since (segments each way, disconnects, the terminate). Faults read it to act in one
 * state only. Updated by {@link Interposer} as calls pass; not thread-safe (see there).
 */
public final class KnownConnection {
  /** The TCP object's handle. */
  public final NdisOffloadHandle handle;
  /** The handle of the path the TCP object hangs from. */
  public final NdisOffloadHandle pathHandle;
  /** The NIC's MiniportOffloadContext for it. */
  public final Object context;
  public final Endpoint local;
  public final Endpoint remote;
  /** 0 for the first connection this adapter took, 1 for the second... */
  public final int index;
  /** Sequence number of the first byte of the first send list: the delegated SndUna at the initiate. */
  private final long streamBase;
  /** Whether the initiate handed over send data (a takeover, as in a failover). */
  public final boolean tookOverSendData;

  private final List<NetBufferList> sends = new ArrayList<>();
  private final Set<NetBufferList> outstanding = new LinkedHashSet<>();
  private Long sentEnd;
  private TcpSegment lastSent;
  private Long lastAckSent;
  private Long peerAck;
  boolean finSent;
  boolean peerFin;
  boolean terminating;
  boolean terminated;
  NetBufferList pendingDisconnect;
  DisconnectFlags pendingDisconnectFlags;
  boolean disconnectRequested;
  boolean abortiveRequested;
  boolean disconnectFailed;

  KnownConnection(NdisOffloadHandle handle, NdisOffloadHandle pathHandle, Object context, Endpoint local,
      Endpoint remote, int index, long streamBase, NetBufferList initiateChain) {
    this.handle = handle;
    this.pathHandle = pathHandle;
    this.context = context;
    this.local = local;
    this.remote = remote;
    this.index = index;
    this.streamBase = streamBase;
    this.tookOverSendData = initiateChain != null;
    delivered(initiateChain);
  }

  // ---- queries for faults

  /** Whether the target sent its FIN on it. */
  public boolean finSent() {
    return finSent;
  }

  /** Whether the peer's FIN arrived for it. */
  public boolean peerFin() {
    return peerFin;
  }

  /** Between MiniportTerminateOffload and its completion. */
  public boolean terminating() {
    return terminating;
  }

  /** Its terminate completed. */
  public boolean terminated() {
    return terminated;
  }

  /** The disconnect the host requested and the target has not completed, or null. */
  public NetBufferList pendingDisconnect() {
    return pendingDisconnect;
  }

  /** The flags of {@link #pendingDisconnect()}; null when none is pending. */
  public DisconnectFlags pendingDisconnectFlags() {
    return pendingDisconnect == null ? null : pendingDisconnectFlags;
  }

  /** Whether the host requested a disconnect of either kind in this offload. */
  public boolean disconnectRequested() {
    return disconnectRequested;
  }

  /** Whether the host requested an abortive disconnect. */
  public boolean abortiveRequested() {
    return abortiveRequested;
  }

  /** Whether a disconnect completed with a status other than SUCCESS. */
  public boolean disconnectFailed() {
    return disconnectFailed;
  }

  /** Send lists handed over and not completed to the host, in delivery order. */
  public List<NetBufferList> outstanding() {
    return List.copyOf(outstanding);
  }

  /** Whether {@code list} is one of its send lists. */
  public boolean owns(NetBufferList list) {
    return sends.contains(list);
  }

  /** The last segment the target sent on it, or null. */
  public TcpSegment lastSent() {
    return lastSent;
  }

  /** The acknowledgment number of the last segment with ACK the target sent on it, or null. */
  public Long lastAckSent() {
    return lastAckSent;
  }

  /** One past the highest sequence number the target sent (data, SYN, FIN), or null. */
  public Long sentEnd() {
    return sentEnd;
  }

  /** The peer's highest acknowledgment, or null. */
  public Long peerAck() {
    return peerAck;
  }

  /** Sequence number one past the last byte of {@code list}. */
  public long endOf(NetBufferList list) {
    long at = streamBase;
    for (NetBufferList l : sends) {
      at = SeqNum.add(at, l.dataLength());
      if (l == list) {
        return at;
      }
    }
    throw new IllegalArgumentException(list + " is not a send of " + handle);
  }

  /** Sequence number of the first byte of {@code list}. */
  public long startOf(NetBufferList list) {
    return SeqNum.add(endOf(list), -list.dataLength());
  }

  /** Up to {@code max} bytes of the send stream from {@code seq}; empty past its end. */
  public byte[] streamBytes(long seq, int max) {
    byte[] bytes = NetBufferList.data(sends);
    long offset = SeqNum.distance(streamBase, seq);
    if (offset >= bytes.length) {
      return new byte[0];
    }
    int from = (int) offset;
    int to = Math.min(bytes.length, from + max);
    byte[] out = new byte[to - from];
    System.arraycopy(bytes, from, out, 0, out.length);
    return out;
  }

  /** Whether {@code segment} travels on this connection, either way. */
  public boolean carries(TcpSegment segment) {
    return segment.source().equals(local) && segment.destination().equals(remote)
        || segment.source().equals(remote) && segment.destination().equals(local);
  }

  // ---- updates by the interposer

  void delivered(NetBufferList chain) {
    for (NetBufferList l : NetBufferList.toList(chain)) {
      sends.add(l);
      outstanding.add(l);
    }
  }

  void completed(NetBufferList list) {
    outstanding.remove(list);
  }

  void handedBack(NetBufferList chain) {
    NetBufferList.toList(chain).forEach(outstanding::remove);
  }

  void sent(TcpSegment s) {
    lastSent = s;
    sentEnd = sentEnd == null || SeqNum.gt(s.seqEnd(), sentEnd) ? Long.valueOf(s.seqEnd()) : sentEnd;
    finSent |= s.has(TcpFlag.FIN);
    if (s.has(TcpFlag.ACK)) {
      lastAckSent = s.ack();
    }
  }

  void received(TcpSegment s) {
    if (s.has(TcpFlag.ACK) && (peerAck == null || SeqNum.gt(s.ack(), peerAck))) {
      peerAck = s.ack();
    }
    peerFin |= s.has(TcpFlag.FIN);
  }

}
