package dev.chimney.host;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.TcpState;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One TCP connection the host stack made ({@link HostStack#connect}): its name in the event log
 * ("TCP1", in creation order), who runs it ({@link #phase()}), and what the host's application has
 * received on it through every path (posted receives, receive indications, buffered data handed
 * back on terminate, the host's own TCP).
 *
 * <p>Read it on the host thread (the thread running the clock); {@link HostStack} and its parts alone
 * change it.
 */
public final class HostConnection {
  private final String name;
  private final Endpoint local;
  private final Endpoint remote;
  final HostTcp tcp;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  ConnectionPhase phase = ConnectionPhase.CONNECTING;
  /** The target the connection is offloaded to, or whose ordinary path the host uses for it. */
  OffloadTarget target;
  /** The handle of the current (or last) offload of this connection; null before the first. */
  NdisOffloadHandle handle;
  /** The target's MiniportOffloadContext from the current offload; null when not offloaded. */
  Object context;
  /** The constant and cached state handed over on the last initiate; null before the first. */
  TcpState offloadedState;
  /** The sequence number just past the last byte the host's application has handed down to send. */
  long streamEnd;
  /** Every send list handed to a target for this connection, in delivery order. */
  final List<NetBufferList> sends = new ArrayList<>();
  int sendsCompleted;
  /** Send data a target refused by its return value: the host sends it itself after the upload. */
  final List<byte[]> refusedSendData = new ArrayList<>();
  /** Every disconnect list issued, in order. */
  final List<NetBufferList> disconnects = new ArrayList<>();
  NdisStatus disconnectStatus;
  /** The event at which a disconnect of this connection failed (DSC-12), or 0. */
  long disconnectFailedEvent;
  /** Segments taken in while an initiate was in progress, to forward once it completes (FWD-5). */
  final List<TcpSegment> pendingForwards = new ArrayList<>();
  /** Segments taken in during or after a terminate, for the host to process once it resumes (FWD-5). */
  final List<TcpSegment> heldSegments = new ArrayList<>();
  /** A terminate is scheduled or in progress: further retrieve requests are tolerated (TRM-4). */
  boolean terminatePending;
  boolean peerDisconnectIndicated;
  /** Whether the host's client takes the data the target indicates; false leaves it with the target (TOC-8). */
  boolean consumesIndications = true;
  boolean abortIndicated;
  TerminateResult.Upload lastUpload;

  HostConnection(String name, Endpoint local, Endpoint remote, Function<HostConnection, HostTcp> tcpFactory) {
    this.name = name;
    this.local = local;
    this.remote = remote;
    this.tcp = tcpFactory.apply(this);
  }

  /** The host's name for the connection and its TCP state object: "TCP1", "TCP2"... */
  public String name() {
    return name;
  }

  /** The host's (the target's) end. */
  public Endpoint local() {
    return local;
  }

  /** The peer's end. */
  public Endpoint remote() {
    return remote;
  }

  /** Who runs the connection now. */
  public ConnectionPhase phase() {
    return phase;
  }

  /** The host's initial sequence number. */
  public long iss() {
    return tcp.iss();
  }

  /** Every byte the host's application received on the connection so far, in order. */
  public byte[] received() {
    return received.toByteArray();
  }

  /** How many bytes {@link #received()} holds. */
  public int receivedLength() {
    return received.size();
  }

  /** How many send lists of this connection the target has completed (any status). */
  public int sendsCompleted() {
    return sendsCompleted;
  }

  /** The Status of the disconnect's completion, or null while none has completed. */
  public NdisStatus disconnectStatus() {
    return disconnectStatus;
  }

  /** Whether the target indicated the peer's FIN (TcpIndicateDisconnect). */
  public boolean peerDisconnectIndicated() {
    return peerDisconnectIndicated;
  }

  /** Whether the target indicated the peer's RST (TcpIndicateAbort). */
  public boolean abortIndicated() {
    return abortIndicated;
  }

  /** What the last completed terminate of this connection handed back, or null before one. */
  public TerminateResult.Upload lastUpload() {
    return lastUpload;
  }

  void deliver(byte[] data) {
    received.write(data, 0, data.length);
  }

  @Override
  public String toString() {
    return name + " " + local + " > " + remote + " (" + phase + ")";
  }
}
