package dev.chimney.host;

/** The host thread was interrupted while waiting on a real-time target: the run is being stopped. */
public final class HarnessInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HarnessInterruptedException(InterruptedException cause) {
    super("interrupted while waiting for the target", cause);
  }
}
