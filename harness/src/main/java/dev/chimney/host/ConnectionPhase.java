package dev.chimney.host;

/** Who runs a {@link HostConnection} right now, as the host sees it. */
public enum ConnectionPhase {
  /** The host's SYN is out; waiting for the SYN-ACK through the ordinary receive path. */
  CONNECTING,
  /** The host's own TCP runs the connection through the ordinary send and receive paths. */
  HOST,
  /** An initiate that includes the connection is in progress; segments for it are held (FWD-5). */
  OFFLOADING,
  /** The target runs the connection. */
  OFFLOADED,
  /** A terminate is in progress; segments for it are held, not forwarded (FWD-5). */
  TERMINATING,
  /**
   * The terminate completed: the host holds the returned state and data but sends nothing until
   * {@link HostStack#carryOn} or {@link HostStack#reoffload}.
   */
  UPLOADED,
  /** The peer reset the connection. */
  RESET
}
