package dev.chimney.trace;

import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SeqNum;

/**
 * What the trace judge keeps about one live connection of a capture: its name, which side is the
 * offload target, the segment endpoints handed to the monitors, the wire facts the synthesised host
 * events need (the delegated state at an implicit offload, deliveries after the target's FIN) and
 * the facts the observations report. Dropped once the connection is judged. Trace judge thread only.
 */
final class TraceConnection {
  final String name;
  /** The n of "TCPn". */
  final long number;
  final FlowKey key;
  /** The segments' endpoints: Endpoint holds IPv4 only, so IPv6 connections carry a stand-in (see TraceJudge). */
  final Endpoint a;
  final Endpoint b;
  /** True when "a" is the offload target, false when "b" is, null while unknown. */
  Boolean targetIsA;
  /** The monitors: made, used and dropped by the {@link JudgeShards} worker that owns the connection. */
  ConnectionJudge judge;

  boolean offloaded;
  /** True when the host's actions come with the capture: no implicit offload. */
  boolean explicitOffload;
  boolean synA;
  boolean synB;
  /** Highest sequence end and highest ACK each side sent, {@link SeqNum#NONE} before the first. */
  long seqEndA = SeqNum.NONE;
  long seqEndB = SeqNum.NONE;
  long ackA = SeqNum.NONE;
  long ackB = SeqNum.NONE;
  /** The target's FIN was seen; from then on its new ACKs stand for deliveries to the host. */
  boolean targetFinSent;
  Long targetAckAfterFin;

  long firstPacket;
  long lastSeenNanos;
  long rstPacket;
  boolean finA;
  boolean finB;
  Long finSeqA;
  Long finSeqB;
  long finPacketA;
  long finPacketB;
  boolean earlyFinReportedA;
  boolean earlyFinReportedB;
  long segmentsAfterRst;
  long firstSegmentAfterRst;
  boolean abortiveRequested;
  boolean closedAndQueued;

  TraceConnection(long number, FlowKey key, Endpoint a, Endpoint b) {
    this.number = number;
    this.name = "TCP" + number;
    this.key = key;
    this.a = a;
    this.b = b;
  }

  /** True once the target's side is known: from then on the monitors judge the connection. */
  boolean judged() {
    return targetIsA != null;
  }

  /** True once an RST went either way or both sides sent their FIN. */
  boolean closed() {
    return rstPacket > 0 || (finA && finB);
  }

  /**
   * Endpoint "a" (or "b") of the key as reports show it, "192.0.2.1:80" or "[2001:db8::1]:80": made
   * when a report needs it, which is for few connections, rather than kept for each.
   */
  String text(boolean a) {
    IpAddress address = a ? new IpAddress(key.aHigh(), key.aLow()) : new IpAddress(key.bHigh(), key.bLow());
    int port = a ? key.ports() >>> 16 : key.ports() & 0xFFFF;
    return address.isIpv4() ? address + ":" + port : "[" + address + "]:" + port;
  }
}
