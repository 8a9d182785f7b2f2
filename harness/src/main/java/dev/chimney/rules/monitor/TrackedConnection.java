package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.TcpDelegatedState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the tracker knows of one TCP connection, by the host's name for it ("TCP1"). Wire fields
 * hold for the connection's whole life; "this offload" fields are reset by each initiate, so a
 * connection offloaded again (failover) is judged afresh.
 */
final class TrackedConnection {
  final String name;
  Phase phase = Phase.HOST_OWNED;
  /** How many initiates named it. */
  int offloads;

  // ---- this offload
  /** The connection's block as the host handed it over at this offload's initiate. */
  BlockView initiateBlock;
  /** Sequence number where the next byte the host hands over goes (see {@link TrackedSend#streamStart}). */
  Long streamNext;
  /** Sends handed over and not completed, in delivery order. */
  final Deque<TrackedSend> outstanding = new ArrayDeque<>();
  Event.Call abortiveCall;
  Event.Call gracefulCall;
  /** Sequence number the graceful FIN must carry: one past the disconnect's data. */
  Long gracefulFinSeq;
  /** Sends outstanding when the disconnect was requested. */
  List<TrackedSend> outstandingAtDisconnect = List.of();
  Event.Upcall disconnectCompletion;
  Event.Upcall failedDisconnect;
  /** The target's highest ACK this offload, or null when it sent none. */
  Long targetAckThisOffload;
  int retrieveRequests;
  Event.Upcall abortIndication;
  /** The peer's highest sequence end when the terminate was called. */
  Long peerSeqEndAtTerminate;
  /** The peer's highest ACK when the terminate was called: later segments are the host's to process. */
  Long peerAckAtTerminate;
  /** Bytes handed to the host this offload: receive completions, receive indications, buffered data. */
  long deliveredThisOffload;

  // ---- wire, whole life
  Long highestPeerAck;
  /** The highest sequence end of any segment towards the peer, whoever sent it (SndMax on the wire). */
  Long highestSentSeqEnd;
  Long highestTargetAck;
  /** The highest sequence end of the peer's segments (data, SYN or FIN). */
  Long highestPeerSeqEnd;
  Event.Packet peerFin;
  Event.Packet peerRst;
  long delivered;

  TrackedConnection(String name) {
    this.name = name;
  }

  /** Starts an offload: the host handed the connection over as {@code block}. */
  void beginOffload(BlockView block) {
    offloads++;
    phase = Phase.OFFLOADING;
    initiateBlock = block;
    TcpDelegatedState d = block.delegated();
    streamNext = d == null ? null
        : d.sndUna().isPresent() ? Long.valueOf(d.sndUna().getAsLong())
        : d.sndNxt().isPresent() ? Long.valueOf(d.sndNxt().getAsLong()) : null;
    outstanding.clear();
    abortiveCall = null;
    gracefulCall = null;
    gracefulFinSeq = null;
    outstandingAtDisconnect = List.of();
    disconnectCompletion = null;
    failedDisconnect = null;
    targetAckThisOffload = null;
    retrieveRequests = 0;
    abortIndication = null;
    peerSeqEndAtTerminate = null;
    peerAckAtTerminate = null;
    deliveredThisOffload = 0;
  }

  /**
   * Places new sends after the data handed over with the initiate: the chain holds the host's
   * unacknowledged data from SndUna on, and anything sent later goes after the delegated SndNxt.
   */
  void afterInitiateChain() {
    TcpDelegatedState d = initiateBlock.delegated();
    if (streamNext != null && d != null && d.sndNxt().isPresent()) {
      streamNext = Seq.max(streamNext, d.sndNxt().getAsLong());
    }
  }

  /** The delegated state the host handed over at this offload's initiate, or null. */
  TcpDelegatedState delegatedAtInitiate() {
    return initiateBlock == null ? null : initiateBlock.delegated();
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
