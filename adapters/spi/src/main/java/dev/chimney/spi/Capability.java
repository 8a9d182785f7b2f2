package dev.chimney.spi;

/**
 * Optional parts of the chimney contract a target may declare it supports. Rules that need a
 * capability the target lacks are reported NOT_APPLICABLE with the reason, never PASS.
 */
public enum Capability {
  /**
   * Offloads whole state trees (a neighbor, several paths, several TCP connections) in one
   * initiate, walking them parent first and reporting partial offloads (PAR-4 to PAR-7).
   */
  STATE_TREE,
  /**
   * Honours the {@link TargetContext#MAX_OFFLOADED_CONNECTIONS} setting, failing the initiate of a
   * TCP object beyond it with {@link NdisStatus#RESOURCES} (PAR-6, PAR-7).
   */
  CONNECTION_LIMIT,
  /** Requests the termination of one connection through TcpIndicateRetrieve (TRM-1 to TRM-3). */
  TERMINATE_REQUEST,
  /**
   * Indicates UPLOAD_ALL and OFFLOAD_RESUME, and takes connections over from another target
   * through their delegated state (TRM-6 to TRM-8). A target declaring it requests UPLOAD_ALL when
   * {@link OffloadTarget#requestUploadAll()} is called.
   */
  UPLOAD_ALL,
  /** Accepts forwarded segments through MiniportTcpOffloadForward (FWD-1 to FWD-3). */
  FORWARD,
  /**
   * Runs entirely on {@link TargetContext#clock()} and starts no threads: its runs are
   * reproducible to the byte, and the harness need not wait in real time.
   */
  VIRTUAL_TIME
}
