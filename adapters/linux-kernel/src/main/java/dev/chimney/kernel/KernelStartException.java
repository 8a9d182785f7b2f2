package dev.chimney.kernel;

/** The target could not make its namespace, TUN device or settings; the scenario fails with it. */
final class KernelStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KernelStartException(String message, Throwable cause) {
    super("linux-kernel target: " + message, cause);
  }
}
