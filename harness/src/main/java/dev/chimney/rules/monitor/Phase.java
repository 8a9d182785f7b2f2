package dev.chimney.rules.monitor;

/** Where a TCP connection stands with respect to the target, as the host's calls and the target's completions say. */
enum Phase {
  /** Never offloaded, or its offload failed: the host stack owns it. */
  HOST_OWNED,
  /** MiniportInitiateOffload called, not yet completed. */
  OFFLOADING,
  /** Offloaded: the target owns it. */
  OFFLOADED,
  /** MiniportTerminateOffload called, not yet completed. */
  TERMINATING,
  /** Its termination completed: formerly offloaded, the host stack owns it again. */
  UPLOADED
}
