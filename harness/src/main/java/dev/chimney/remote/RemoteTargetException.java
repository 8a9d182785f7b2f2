package dev.chimney.remote;

/**
 * A remote target could not do what was asked: its connection broke (the process exited, wrote
 * something that is not the protocol, flooded, hung) or its handler threw. The message names the
 * reason in one line; the host stack records it as the handler's throw, and the scenario fails
 * with it.
 */
public final class RemoteTargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message the reason, as a sentence fragment naming the target */
  public RemoteTargetException(String message) {
    super(message);
  }
}
