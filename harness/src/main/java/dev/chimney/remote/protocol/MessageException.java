package dev.chimney.remote.protocol;

/**
 * A well-framed message that breaks the protocol: a field missing or of the wrong kind, an
 * unknown op or status code, an id that names nothing. Thrown by the decoders of {@link SpiJson};
 * the side that reads it reports it as the other side's error. Unchecked because every decoder may
 * throw it and every caller handles it the same way, at the top of its reading loop.
 */
public final class MessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was wrong, as a phrase naming the field */
  public MessageException(String message) {
    super(message);
  }
}
