package dev.chimney.spi;

/**
 * The {@code TCP_UPLOAD_REASON} a target passes with {@link TcpOffloadEvent#INDICATE_RETRIEVE}.
 * The harness only requires that a reason is given; it does not judge which.
 */
public enum TcpUploadReason {
  LOW_RESOURCES,
  HIGH_FRAGMENTATION,
  HIGH_DROP_RATE,
  SMALL_IO,
  SLOW_RECEIVER,
  RECEIVED_URGENT_DATA,
  TIMER_EXPIRED,
  /** Generic: the target wants the host to take the connection back (for example, allocation failed). */
  UPLOAD_REQUESTED
}
