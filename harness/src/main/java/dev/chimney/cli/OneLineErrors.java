package dev.chimney.cli;

import dev.chimney.host.TargetRegistryException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every user error into one line on standard error, {@code chimney: <what>}, and exit code
 * {@link ExitCodes#USER_ERROR}; anything else is a bug and keeps its stack trace. Installed on the
 * top command by {@link Main#commandLine()}; picocli calls it on the thread that executes.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  /** What starts every message chimney prints on standard error. */
  static final String PREFIX = "chimney: ";

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    StringBuilder line = new StringBuilder(oneLine(e.getMessage()));
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
      }
    }
    line.append(" (see '").append(command.getCommandSpec().qualifiedName()).append(" --help')");
    print(command.getErr(), line.toString());
    return ExitCodes.USER_ERROR;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (e instanceof UserError || e instanceof TargetRegistryException) {
      print(command.getErr(), oneLine(e.getMessage()));
      return ExitCodes.USER_ERROR;
    }
    PrintWriter err = command.getErr();
    print(err, "internal error, please report it: " + oneLine(String.valueOf(e)));
    e.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  private static void print(PrintWriter err, String message) {
    err.println(PREFIX + message);
    err.flush();
  }

  /** Messages from libraries and targets may span lines; the contract is one. */
  static String oneLine(String message) {
    return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
