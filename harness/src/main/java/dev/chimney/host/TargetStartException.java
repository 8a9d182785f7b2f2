package dev.chimney.host;

/**
 * The target could not be created: its provider threw. The message is the provider's reason, so a
 * scenario that cannot start says why in one line.
 */
public final class TargetStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param targetName the provider's name
   * @param cause what the provider threw; never null
   */
  public TargetStartException(String targetName, Throwable cause) {
    super("target '" + targetName + "' failed to start: " + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
