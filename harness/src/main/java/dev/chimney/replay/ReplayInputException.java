package dev.chimney.replay;

/**
 * A trace that cannot be replayed: no TCP connection in it, no way to tell the target's side. The
 * message is one line naming the file and what is missing.
 */
public final class ReplayInputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message one line, naming the file */
  public ReplayInputException(String message) {
    super(message);
  }
}
