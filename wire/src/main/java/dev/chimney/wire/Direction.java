package dev.chimney.wire;

/** Which way a packet crossed the link. */
public enum Direction {
  /** From the offload target (or the host's ordinary send path through it) to the peer. */
  TO_PEER,
  /** From the peer to the target. */
  TO_TARGET
}
