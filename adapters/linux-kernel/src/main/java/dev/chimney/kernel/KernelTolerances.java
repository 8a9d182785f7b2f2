package dev.chimney.kernel;

/**
 * The target's timing settings, in one place. The kernel's own timers are real and left as they
 * are (the harness's waits are what allow for them): the first retransmission of a restored
 * connection, which has no RTT sample yet, comes after the kernel's initial RTO of 1 s; later ones
 * after at least 200 ms; tail-loss probes after about two RTTs (10 ms at least); delayed ACKs
 * within 40 ms.
 */
final class KernelTolerances {
  private KernelTolerances() {}

  /**
   * How often the namespace's thread checks connections waiting on the kernel (sends to complete,
   * a FIN to be acknowledged) when no packet arrives: only the kernel's timers change their state
   * without one, so this bounds how late a completion can be after such a change.
   */
  static final int TICK_MILLIS = 2;
  /** How long the thread sleeps when no connection waits: any packet or task wakes it at once. */
  static final int IDLE_POLL_MILLIS = 100;
  /**
   * How long a terminate waits for packets the kernel may still be writing into the device before it
   * completes (TOC-9): transmission through a TUN device is synchronous, so this is a margin only.
   */
  static final int DRAIN_MILLIS = 1;
  /**
   * The least time a terminate takes before it reads the socket out. The kernel needs none, but
   * segments already in flight when a terminate starts must meet it in progress, as they would on a
   * NIC, for TOC-10 to judge them: without it, whether they arrive before or after the completion
   * would be a race between the harness's thread and this one.
   */
  static final int TERMINATE_SETTLE_MILLIS = 20;
  /** How long creating the namespace and device may take (about 12 ms here). */
  static final long START_TIMEOUT_MILLIS = 5_000;
  /** How long halting waits for the thread to close everything. */
  static final long STOP_TIMEOUT_MILLIS = 5_000;
}
