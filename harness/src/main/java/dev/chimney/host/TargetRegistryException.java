package dev.chimney.host;

/** A target cannot be found or loaded; the message is one line meant for the user. */
public final class TargetRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TargetRegistryException(String message) {
    super(message);
  }
}
