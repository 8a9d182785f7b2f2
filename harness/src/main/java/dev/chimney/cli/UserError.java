package dev.chimney.cli;

/**
 * A problem with what the user asked for or gave (a name, a file, a selection). The message is
 * printed as one line after {@code chimney: }, with no stack trace, and the exit code is {@link
 * ExitCodes#USER_ERROR}.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
