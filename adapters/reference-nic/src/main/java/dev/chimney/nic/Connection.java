package dev.chimney.nic;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One offloaded TCP connection: the state machine that ties the send half ({@link SendSide}), the
 * receive half ({@link ReceiveSide}) and the host's requests together. It is also the
 * MiniportOffloadContext the host passes back on every call about the connection.
 *
 * <p>Runs on the host thread and the target clock's tasks, never concurrently. Completions of host
 * requests go through {@link EngineServices#later}; indications and send completions caused by a
 * segment are made while the segment is processed.
 */
final class Connection {
  /** Where the connection is in its life, as far as the host's requests are concerned. */
  private enum Lifecycle {
    /** Processing segments and requests. */
    OPEN,
    /** Reset by us (abortive disconnect) or by the peer: nothing more on the wire (DSC-5). */
    ABORTED,
    /** Terminated: the host owns it again (TOC-9). */
    TERMINATED
  }

  private static final Set<TcpConnectionState> FIN_SENT_STATES = EnumSet.of(
      TcpConnectionState.FIN_WAIT_1, TcpConnectionState.FIN_WAIT_2, TcpConnectionState.CLOSING,
      TcpConnectionState.LAST_ACK, TcpConnectionState.TIME_WAIT);

  private final ConnectionKey key;
  private final NdisOffloadHandle handle;
  private final EngineServices services;
  private final SendSide send;
  private final ReceiveSide receive;
  private final RetransmitTimer retransmitTimer;
  private final DelayedAck delayedAck;
  private TcpConnectionState state;
  private Lifecycle lifecycle = Lifecycle.OPEN;
  private NetBufferList pendingDisconnect;
  private boolean retrieveIndicated;

  /**
   * Takes over a connection from its delegated state and the send data the host handed over.
   *
   * @param config the connection's constants, addresses and MSS
   * @param delegated the host's delegated state; SndUna and RcvNxt set (see {@link #canTakeOver})
   * @param sendData the initiate's NetBufferListChain, its first byte at SndUna; may be null
   */
  Connection(ConnectionConfig config, TcpDelegatedState delegated, NetBufferList sendData,
      EngineServices services) {
    this.key = config.key();
    this.handle = config.handle();
    this.services = services;
    this.send = new SendSide(delegated, config.mss(), config.sndWindScale(), config.mss());
    this.receive = new ReceiveSide(config, delegated, services);
    this.retransmitTimer = new RetransmitTimer(services.clock(), this::onRetransmitTimeout);
    this.delayedAck = new DelayedAck(services.clock(), this::sendAck);
    this.state = delegated.state() == null ? TcpConnectionState.ESTABLISHED : delegated.state();
    if (FIN_SENT_STATES.contains(state)) {
      send.finSentBeforeOffload();
    }
    NetBufferList.toList(sendData).forEach(send::queueSend);
  }

  /** Whether the delegated state has what the engine needs: SndUna and RcvNxt. */
  static boolean canTakeOver(TcpDelegatedState delegated) {
    return delegated.sndUna().isPresent() && delegated.rcvNxt().isPresent();
  }

  ConnectionKey key() {
    return key;
  }

  /** The host's handle for this connection, for upcalls. */
  NdisOffloadHandle handle() {
    return handle;
  }

  /** The initiate completed: deliver the data the host buffered, send what is due, arm timers. */
  void start() {
    receive.deliverHandedOver();
    transmitPending();
    if (send.inFlight()) {
      retransmitTimer.startIfStopped();
    }
  }

  // ---- host requests --------------------------------------------------------------------------

  /**
   * MiniportTcpOffloadSend: queue the lists after every earlier one and send what the window
   * allows. After a terminate the send fails at once with UPLOAD_IN_PROGRESS, and after our FIN
   * with INVALID_STATE, neither completed; after a reset it completes REQUEST_ABORTED.
   */
  NdisStatus send(NetBufferList chain) {
    List<NetBufferList> lists = NetBufferList.toList(chain);
    if (lifecycle == Lifecycle.TERMINATED) {
      return NdisStatus.UPLOAD_IN_PROGRESS;
    }
    if (lifecycle == Lifecycle.ABORTED) {
      completeSends(lists, NdisStatus.REQUEST_ABORTED);
      return NdisStatus.PENDING;
    }
    if (send.finQueued()) {
      // the send half is closed: nothing may reach the wire after our FIN
      return NdisStatus.INVALID_STATE;
    }
    lists.forEach(send::queueSend);
    transmitPending();
    // a list without data is done as soon as every list before it is
    services.later(this::completeAcknowledged);
    return NdisStatus.PENDING;
  }

  /** MiniportTcpOffloadReceive: post receive lists, filled in order; may open the window. */
  NdisStatus postReceive(NetBufferList chain) {
    if (lifecycle == Lifecycle.TERMINATED) {
      return NdisStatus.UPLOAD_IN_PROGRESS;
    }
    if (lifecycle == Lifecycle.ABORTED) {
      List<NetBufferList> lists = NetBufferList.toList(chain);
      lists.forEach(l -> l.setStatus(NdisStatus.REQUEST_ABORTED));
      services.later(() -> services.host().tcpOffloadReceiveComplete(NetBufferList.chain(lists)));
      return NdisStatus.PENDING;
    }
    receive.post(chain);
    if (receive.windowUpdateDue()) {
      sendAck();
    }
    return NdisStatus.PENDING;
  }

  /** MiniportTcpOffloadDisconnect: returns PENDING whatever happens (DSC-1). */
  NdisStatus disconnect(NetBufferList nbl, DisconnectFlags flags) {
    if (lifecycle == Lifecycle.TERMINATED) {
      completeDisconnect(nbl, NdisStatus.UPLOAD_IN_PROGRESS);
    } else if (lifecycle == Lifecycle.ABORTED) {
      completeDisconnect(nbl, NdisStatus.REQUEST_ABORTED);
    } else if (flags == DisconnectFlags.ABORTIVE_CLOSE) {
      abortLocally(nbl);
    } else if (send.finQueued()) {
      // a second graceful close: the host breaks DSC-12; the FIN is already on its way
      completeDisconnect(nbl, NdisStatus.INVALID_STATE);
    } else {
      closeGracefully(nbl);
    }
    return NdisStatus.PENDING;
  }

  private void closeGracefully(NetBufferList nbl) {
    pendingDisconnect = nbl;
    send.queueFin(nbl.dataLength() == 0 ? null : services.lists().of(nbl.data()));
    state = state == TcpConnectionState.CLOSE_WAIT
        ? TcpConnectionState.LAST_ACK
        : TcpConnectionState.FIN_WAIT_1;
    transmitPending();
  }

  /**
   * Abortive close: one RST at SndNxt, without ACK so that it acknowledges nothing (DSC-2, DSC-5);
   * then every outstanding send REQUEST_ABORTED (DSC-4) before the disconnect completes.
   */
  private void abortLocally(NetBufferList nbl) {
    transmit(send.sndNxt(), TcpFlag.RST.bit(), new byte[0]);
    stopOnWire();
    failOutstanding(NdisStatus.REQUEST_ABORTED);
    completeDisconnect(nbl, NdisStatus.SUCCESS);
  }

  /**
   * MiniportTerminateOffload for this connection: from now on its segments are the host's (TOC-10).
   * Sends an owed delayed ACK first, fails what cannot finish, and writes the delegated state, the
   * outstanding send lists (TOC-5, TOC-7) and the undelivered received data (TOC-8). The caller
   * completes the terminate after the completions queued here.
   */
  void terminate(TcpDelegatedState delegated, Consumer<NetBufferList> chainOut) {
    if (lifecycle == Lifecycle.TERMINATED) {
      return;
    }
    if (lifecycle == Lifecycle.OPEN && delayedAck.owed()) {
      sendAck();
    }
    retransmitTimer.stop();
    delayedAck.settled();
    lifecycle = Lifecycle.TERMINATED;
    if (pendingDisconnect != null) {
      completeDisconnect(pendingDisconnect, NdisStatus.UPLOAD_IN_PROGRESS);
    }
    services.later(() -> receive.failPosted(NdisStatus.UPLOAD_IN_PROGRESS));
    send.writeTo(delegated);
    receive.writeTo(delegated);
    delegated.set(Field.RETRANSMIT_COUNT, retransmitTimer.retransmissions()).setState(state);
    List<NetBufferList> outstanding = send.removeAllOutstanding();
    chainOut.accept(outstanding.isEmpty() ? null : NetBufferList.chain(outstanding));
  }

  /** requestRetrieve: ask the host to terminate this one connection (TRM-1, TRM-2). */
  void indicateRetrieve(TcpUploadReason reason) {
    if (lifecycle != Lifecycle.TERMINATED) {
      services.later(() -> services.host().tcpOffloadEvent(handle, TcpOffloadEvent.INDICATE_RETRIEVE, reason));
    }
  }

  // ---- segments from the wire (or forwarded) --------------------------------------------------

  /** Processes one segment of this connection, from the wire or forwarded by the host (FWD-3). */
  void onSegment(TcpSegment segment) {
    if (lifecycle != Lifecycle.OPEN) {
      return;
    }
    if (segment.has(TcpFlag.RST)) {
      if (receive.resetAcceptable(segment.seq())) {
        onPeerReset();
      }
      return;
    }
    if (!receive.acceptable(segment)) {
      // RFC 793: an unacceptable segment (old duplicate, beyond the window, a SYN) gets an ACK
      sendAck();
      return;
    }
    if (segment.has(TcpFlag.SYN) || !segment.has(TcpFlag.ACK)) {
      sendAck();
      return;
    }
    if (!onAck(segment)) {
      return;
    }
    onText(segment);
    if (lifecycle == Lifecycle.OPEN) {
      transmitPending();
    }
  }

  /** Returns false when the segment must be dropped (it acknowledges data never sent). */
  private boolean onAck(TcpSegment segment) {
    SendSide.AckOutcome outcome = send.onAck(segment);
    if (outcome == SendSide.AckOutcome.AHEAD) {
      sendAck();
      return false;
    }
    if (outcome == SendSide.AckOutcome.NEW_DATA) {
      retransmitTimer.acknowledged(send.inFlight());
      if (send.finAcknowledged()) {
        state = switch (state) {
          case FIN_WAIT_1 -> TcpConnectionState.FIN_WAIT_2;
          case CLOSING -> TcpConnectionState.TIME_WAIT;
          case LAST_ACK -> TcpConnectionState.CLOSED;
          default -> state;
        };
      }
      completeAcknowledged();
    }
    return true;
  }

  private void onText(TcpSegment segment) {
    switch (receive.take(segment)) {
      case NOTHING -> { }
      case DATA -> delayedAck.dataAccepted();
      case OUT_OF_ORDER, TRIMMED -> sendAck();
      case FIN -> onPeerFin();
    }
  }

  /** The peer's FIN, after the data before it was delivered: ack at once, then tell the host. */
  private void onPeerFin() {
    state = switch (state) {
      case ESTABLISHED -> TcpConnectionState.CLOSE_WAIT;
      case FIN_WAIT_1 -> TcpConnectionState.CLOSING;
      case FIN_WAIT_2 -> TcpConnectionState.TIME_WAIT;
      default -> state;
    };
    sendAck();
    services.host().tcpOffloadEvent(handle, TcpOffloadEvent.INDICATE_DISCONNECT, null);
  }

  /** An acceptable RST: tell the host, fail what is outstanding, go silent. */
  private void onPeerReset() {
    stopOnWire();
    services.host().tcpOffloadEvent(handle, TcpOffloadEvent.INDICATE_ABORT, null);
    failOutstanding(NdisStatus.REQUEST_ABORTED);
  }

  // ---- timers ---------------------------------------------------------------------------------

  /**
   * Retransmission timeout: resend one segment from SndUna and back off. After {@link
   * TcpTimers#MAX_RETRANSMISSIONS} the engine stops and asks the host to take the connection back.
   */
  private void onRetransmitTimeout() {
    if (lifecycle != Lifecycle.OPEN || !send.inFlight()) {
      return;
    }
    if (retransmitTimer.exhausted()) {
      if (!retrieveIndicated) {
        retrieveIndicated = true;
        services.host().tcpOffloadEvent(handle, TcpOffloadEvent.INDICATE_RETRIEVE, TcpUploadReason.TIMER_EXPIRED);
      }
      return;
    }
    retransmitTimer.backOff();
    send.rewindToUna();
    send.sendFromNxt(1, this::transmit);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void transmitPending() {
    if (send.sendFromNxt(Integer.MAX_VALUE, this::transmit) > 0) {
      retransmitTimer.startIfStopped();
    }
  }

  private void sendAck() {
    transmit(send.sndNxt(), TcpFlag.ACK.bit(), new byte[0]);
  }

  /**
   * Every segment of ours carries RcvNxt and the current window; sending settles a delayed ACK.
   * Sends nothing once the connection is no longer open: the host may have terminated or aborted
   * it from inside an upcall made while a segment was being processed.
   */
  private void transmit(long seq, int flags, byte[] payload) {
    if (lifecycle != Lifecycle.OPEN) {
      return;
    }
    boolean ack = (flags & TcpFlag.ACK.bit()) != 0;
    TcpSegment segment = new TcpSegment(key.local(), key.remote(), seq, ack ? receive.rcvNxt() : 0,
        flags, receive.windowField(), TcpOptions.NONE, payload);
    services.transmitter().send(segment);
    receive.advertised();
    if (ack) {
      delayedAck.settled();
    }
  }

  /** Completes, in delivery order, the send lists now wholly acknowledged; then the disconnect. */
  private void completeAcknowledged() {
    if (lifecycle != Lifecycle.OPEN) {
      return;
    }
    completeSends(send.releaseAcknowledged(), NdisStatus.SUCCESS);
    if (pendingDisconnect != null && send.finAcknowledged() && send.noSendsOutstanding()) {
      completeDisconnect(pendingDisconnect, NdisStatus.SUCCESS);
    }
  }

  private void stopOnWire() {
    lifecycle = Lifecycle.ABORTED;
    state = TcpConnectionState.CLOSED;
    retransmitTimer.stop();
    delayedAck.settled();
  }

  /** Outstanding sends, a pending graceful disconnect and posted receives all fail with {@code status}. */
  private void failOutstanding(NdisStatus status) {
    completeSends(send.removeAllSends(), status);
    if (pendingDisconnect != null) {
      completeDisconnect(pendingDisconnect, status);
    }
    services.later(() -> receive.failPosted(status));
  }

  private void completeSends(List<NetBufferList> lists, NdisStatus status) {
    if (lists.isEmpty()) {
      return;
    }
    lists.forEach(l -> l.setStatus(status));
    NetBufferList chain = NetBufferList.chain(lists);
    services.later(() -> services.host().tcpOffloadSendComplete(chain));
  }

  private void completeDisconnect(NetBufferList nbl, NdisStatus status) {
    if (nbl == pendingDisconnect) {
      pendingDisconnect = null;
    }
    nbl.setStatus(status);
    services.later(() -> services.host().tcpOffloadDisconnectComplete(nbl));
  }

  /** The adapter halts: stop every timer, send and indicate nothing more. */
  void halt() {
    retransmitTimer.stop();
    delayedAck.settled();
    lifecycle = Lifecycle.TERMINATED;
  }

  @Override
  public String toString() {
    return handle + " " + key + " " + state;
  }
}
