package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.wire.SeqNum;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the tracker knows of one TCP connection, by the host's name for it ("TCP1"). Wire fields
 * hold for the connection's whole life; "this offload" fields are reset by each initiate, so a
 * connection offloaded again (failover) is judged afresh.
 *
 * <p>The tracker tells it what the host and the target did (an initiate called, a terminate
 * completed), and its methods say what each changes. The wire fields the tracker sets itself, on
 * the packet path, without a call per packet.
 *
 * <p>Sequence-number fields hold {@link SeqNum#NONE} until known. check-trace keeps one of these for
 * every open connection of a capture, so it holds numbers rather than the events they came from.
 */
final class TrackedConnection {
  final String name;
  Phase phase = Phase.HOST_OWNED;
  /** How many initiates named it. */
  int offloads;
  /** Whether a TCP block of a state tree bore its name: then the host's object of that name is a TCP one. */
  boolean namedAsTcp;

  // ---- this offload
  /** The lists handed over in the NetBufferListChain of this offload's initiate, or null when it was NULL. */
  List<NblView> initiateChain;
  /** The delegated SndUna, SndNxt, SndMax and RcvNxt the host handed over at this offload's initiate. */
  long sndUnaAtInitiate = SeqNum.NONE;
  long sndNxtAtInitiate = SeqNum.NONE;
  long sndMaxAtInitiate = SeqNum.NONE;
  long rcvNxtAtInitiate = SeqNum.NONE;
  /** Sequence number where the next byte the host hands over goes (see {@link TrackedSend#streamStart}). */
  long streamNext = SeqNum.NONE;
  /**
   * Sends handed over and not completed, in delivery order. Sized as it fills: most connections
   * check-trace judges never have one.
   */
  final Deque<TrackedSend> outstanding = new ArrayDeque<>(0);
  Event.Call abortiveCall;
  Event.Call gracefulCall;
  /** Sequence number the graceful FIN must carry: one past the disconnect's data. */
  long gracefulFinSeq = SeqNum.NONE;
  /** Sends outstanding when the disconnect was requested. */
  List<TrackedSend> outstandingAtDisconnect = List.of();
  /** The peer's highest ACK when the disconnect was requested, {@link SeqNum#NONE} before. */
  long peerAckAtDisconnect = SeqNum.NONE;
  Event.Upcall disconnectCompletion;
  Event.Upcall failedDisconnect;
  /** The target's highest ACK this offload. */
  long targetAckThisOffload = SeqNum.NONE;
  int retrieveRequests;
  Event.Upcall abortIndication;
  /** The peer's highest sequence end when the terminate was called. */
  long peerSeqEndAtTerminate = SeqNum.NONE;
  /** The peer's highest ACK when the terminate was called: later segments are the host's to process. */
  long peerAckAtTerminate = SeqNum.NONE;
  /** Bytes handed to the host this offload: receive completions, receive indications, buffered data. */
  long deliveredThisOffload;

  // ---- wire, whole life
  long highestPeerAck = SeqNum.NONE;
  /** The highest sequence end of any segment towards the peer, whoever sent it (SndMax on the wire). */
  long highestSentSeqEnd = SeqNum.NONE;
  /** The highest end of the data (seq plus payload) of any segment towards the peer, whoever sent it. */
  long highestSentDataEnd = SeqNum.NONE;
  long highestTargetAck = SeqNum.NONE;
  /** The highest sequence end of the peer's segments (data, SYN or FIN). */
  long highestPeerSeqEnd = SeqNum.NONE;
  /** The sequence end of the peer's first FIN. */
  long peerFinSeqEnd = SeqNum.NONE;
  /** Whether the peer sent an RST. */
  boolean peerReset;
  long delivered;

  TrackedConnection(String name) {
    this.name = name;
  }

  /** Starts an offload: the host handed the connection over as {@code block}. */
  void beginOffload(BlockView block) {
    offloads++;
    phase = Phase.OFFLOADING;
    initiateChain = block.chain();
    TcpDelegatedState d = block.delegated();
    sndUnaAtInitiate = d == null ? SeqNum.NONE : d.sndUna().orElse(SeqNum.NONE);
    sndNxtAtInitiate = d == null ? SeqNum.NONE : d.sndNxt().orElse(SeqNum.NONE);
    sndMaxAtInitiate = d == null ? SeqNum.NONE : d.sndMax().orElse(SeqNum.NONE);
    rcvNxtAtInitiate = d == null ? SeqNum.NONE : d.rcvNxt().orElse(SeqNum.NONE);
    streamNext = SeqNum.known(sndUnaAtInitiate) ? sndUnaAtInitiate : sndNxtAtInitiate;
    outstanding.clear();
    abortiveCall = null;
    gracefulCall = null;
    gracefulFinSeq = SeqNum.NONE;
    outstandingAtDisconnect = List.of();
    peerAckAtDisconnect = SeqNum.NONE;
    disconnectCompletion = null;
    failedDisconnect = null;
    targetAckThisOffload = SeqNum.NONE;
    retrieveRequests = 0;
    abortIndication = null;
    peerSeqEndAtTerminate = SeqNum.NONE;
    peerAckAtTerminate = SeqNum.NONE;
    deliveredThisOffload = 0;
  }

  /**
   * Places new sends after the data handed over with the initiate: the chain holds the host's
   * unacknowledged data from SndUna on, and anything sent later goes after the delegated SndNxt.
   */
  void afterInitiateChain() {
    if (SeqNum.known(streamNext) && SeqNum.known(sndNxtAtInitiate)) {
      streamNext = SeqNum.highest(streamNext, sndNxtAtInitiate);
    }
  }

  /**
   * The target completed an initiate that offered the connection as {@code block}: true when it took
   * the connection. False, changing nothing, when it was not being offloaded (a second completion,
   * or one of an initiate refused on return).
   */
  boolean initiateCompleted(BlockView block) {
    if (phase != Phase.OFFLOADING) {
      return false;
    }
    boolean offloaded = TreeWalk.offloaded(block);
    phase = offloaded ? Phase.OFFLOADED : Phase.HOST_OWNED;
    return offloaded;
  }

  /** The initiate's handler returned other than PENDING: no completion will come, and the host keeps the connection. */
  void initiateReturned() {
    phase = Phase.HOST_OWNED;
  }

  /**
   * The host called a terminate: the connection is the target's to hand back, and what the peer
   * sends from now on is the host's to process.
   */
  void terminateCalled() {
    phase = Phase.TERMINATING;
    peerSeqEndAtTerminate = highestPeerSeqEnd;
    peerAckAtTerminate = highestPeerAck;
  }

  /**
   * The terminate's handler returned other than PENDING: no completion will come, and the connection
   * stays with the target, which goes on processing its segments.
   */
  void terminateReturned() {
    if (phase == Phase.TERMINATING) {
      phase = Phase.OFFLOADED;
    }
  }

  /** The target completed the host's terminate, handing back {@code bufferedData} it had received. */
  void uploaded(List<NblView> bufferedData) {
    deliver(bufferedData.stream().mapToLong(NblView::dataLength).sum());
    outstanding.clear();
    phase = Phase.UPLOADED;
  }

  /** The host called disconnect {@code c}: what was outstanding then and, for a graceful close, where its FIN goes. */
  void disconnectCalled(Event.Call c) {
    outstandingAtDisconnect = outstandingSnapshot();
    peerAckAtDisconnect = highestPeerAck;
    if (c.flags() == DisconnectFlags.ABORTIVE_CLOSE) {
      abortiveCall = c;
    } else if (c.flags() == DisconnectFlags.GRACEFUL_CLOSE) {
      gracefulCall = c;
      long data = c.nbls().stream().mapToLong(NblView::dataLength).sum();
      if (SeqNum.known(streamNext)) {
        streamNext = SeqNum.add(streamNext, data);
        gracefulFinSeq = streamNext;
      }
    }
  }

  /** The target completed, with {@code status}, a disconnect the host had called. */
  void disconnectCompleted(Event.Upcall u, NdisStatus status) {
    disconnectCompletion = u;
    if (status != NdisStatus.SUCCESS) {
      failedDisconnect = u;
    }
  }

  /** The target indicated {@code u} (a TCP_OFFLOAD_EVENT) on the connection. */
  void offloadEvent(Event.Upcall u) {
    if (u.offloadEvent() == TcpOffloadEvent.INDICATE_RETRIEVE) {
      retrieveRequests++;
    } else if (u.offloadEvent() == TcpOffloadEvent.INDICATE_ABORT) {
      abortIndication = u;
    }
  }

  /** Hands bytes to the host. */
  void deliver(long bytes) {
    delivered += bytes;
    deliveredThisOffload += bytes;
  }

  /** True when the target has or had it: offloading, offloaded, terminating, or uploaded. */
  boolean everOffloaded() {
    return offloads > 0;
  }

  /** A copy of the outstanding sends, in delivery order. */
  List<TrackedSend> outstandingSnapshot() {
    return new ArrayList<>(outstanding);
  }
}
