package dev.chimney.nic;

import java.util.concurrent.TimeUnit;

/**
 * The engine's timers, by name. All run on the target clock, so in-JVM runs are reproducible; the
 * values are those of a conservative host stack, short enough for the harness's delivery timeout.
 */
final class TcpTimers {
  /** First retransmission timeout; RFC 6298 allows 1 s, a LAN NIC uses far less. */
  static final long INITIAL_RTO_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** The backed-off timeout stops doubling here. */
  static final long MAX_RTO_NANOS = TimeUnit.MILLISECONDS.toNanos(3_200);

  /**
   * Retransmissions of the same data before the engine gives up on the peer and asks the host,
   * through TcpIndicateRetrieve, to take the connection back (TRM-1). It never aborts by itself:
   * only the host may decide to reset a connection (DSC-3).
   */
  static final int MAX_RETRANSMISSIONS = 6;

  /** How long an acknowledgment of in-order data may be held back (RFC 1122 allows 500 ms). */
  static final long DELAYED_ACK_NANOS = TimeUnit.MILLISECONDS.toNanos(40);

  /** Data segments accepted before an acknowledgment is sent without waiting (RFC 1122: 2). */
  static final int SEGMENTS_PER_ACK = 2;

  /**
   * How long handing a terminated connection's state back to the host takes, as a NIC copies it
   * out of its own memory: segments that arrive meanwhile go to the host unprocessed (TOC-10).
   * Generous on purpose: free on the virtual clock, and when the NIC runs in another process on
   * real time it keeps that window wider than the jitter of delivering the peer's segments.
   */
  static final long UPLOAD_LATENCY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private TcpTimers() {}
}
