package dev.chimney.cli;

/** The process exit codes of {@code chimney}, as documented in the README. */
public final class ExitCodes {
  private ExitCodes() {}

  /** {@code certify}: every required rule passed. Every other command: done. */
  public static final int CERTIFIED = 0;
  /** {@code certify}: the run finished and the target is not certified. */
  public static final int NOT_CERTIFIED = 1;
  /** Bad usage or input: the one-line message on standard error says what. */
  public static final int USER_ERROR = 2;
  /** A bug in chimney: the message and stack trace are on standard error. */
  public static final int INTERNAL_ERROR = 3;
}
