package dev.chimney.kernel;

/** How a target maps a graceful disconnect onto the socket API. */
enum GracefulClose {
  /** {@code shutdown(SHUT_WR)}: a FIN, the receive half stays open, the socket stays ours (DSC-9, DSC-13). */
  SHUTDOWN,
  /**
   * {@code close()}: a FIN too, but the kernel orphans the socket: it answers later data with an RST,
   * and closing with unread data sends an RST instead of the FIN (a non-conformant mapping, DSC-3).
   */
  CLOSE
}
