package dev.chimney.remote.protocol;

/**
 * The peer of the protocol sent bytes that are not a frame: a length out of bounds, a payload that
 * is not a JSON object, a message without its type. The stream cannot be resynchronised after it;
 * the reader gives up on the connection. The message says what was wrong, for the scenario's
 * failure.
 */
public final class CorruptFrameException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message what was wrong with the frame, as a phrase */
  public CorruptFrameException(String message) {
    super(message);
  }
}
