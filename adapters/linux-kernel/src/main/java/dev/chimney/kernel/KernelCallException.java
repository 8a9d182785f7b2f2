package dev.chimney.kernel;

/** A system call the target made failed; the message names the call and its errno. */
final class KernelCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KernelCallException(String call, int errno) {
    super(call + " failed: errno " + errno);
  }
}
