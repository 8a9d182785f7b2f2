package dev.chimney.remote;

/**
 * The ways a deliberately wrong target misbehaves, each with the reason the scenario's failure must
 * name. Every fault strikes at the first MiniportTcpOffloadDisconnect (or, for {@link
 * #UPCALL_AFTER_TERMINATE}, at the first terminate completion) of the scenario, so the scenarios
 * without one show the run going on with a target that works.
 */
enum Fault {
  /** The disconnect handler throws. */
  HANDLER_THROWS(true, "threw"),
  /** The disconnect is PENDING and never completed. */
  NEVER_COMPLETES(true, "timeout 'completion'"),
  /** The disconnect completion comes twice. */
  COMPLETES_TWICE(true, "completed a second time"),
  /** The disconnect completion names a list the host never handed over. */
  UNKNOWN_NBL(true, "the host never handed that list over"),
  /** After the terminate completed, a thread of the target's own indicates an event for the connection. */
  UPCALL_AFTER_TERMINATE(true, "TOC-9"),
  /** The disconnect handler returns SUCCESS, which DSC-1 forbids. */
  FORBIDDEN_STATUS(true, "DSC-1"),
  /** The target process exits in the disconnect handler. */
  PROCESS_EXITS(false, "exited with code 3"),
  /** The target process writes text where a frame belongs. */
  WRITES_GARBAGE(false, "broke the protocol"),
  /** The target process writes a length prefix of 2 GB. */
  HUGE_FRAME(false, "claims 2147483647 bytes"),
  /** The target process sends status indications without end. */
  FLOODS(false, "flooded the harness");

  /** Whether the fault can be shown in the harness's own JVM (the process-level ones cannot). */
  final boolean inProcess;
  /** What the scenario's failure must say. */
  final String reason;

  Fault(boolean inProcess, String reason) {
    this.inProcess = inProcess;
    this.reason = reason;
  }

  /** The target's name: {@code faulty-handler-throws}. */
  String targetName() {
    return "faulty-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
