package dev.chimney.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code chimney} command: the entry point of the {@code ./chimney} launcher. Runs on the
 * process's main thread; see {@link ExitCodes} for what it returns.
 */
@Command(name = "chimney",
    description = "Certifies TCP chimney offload targets against the rule catalogue.",
    // rules is added by commandLine(), which chooses the catalogue it reads.
    subcommands = {CertifyCommand.class, ListTargetsCommand.class, CheckTraceCommand.class, ReplayCommand.class,
        ServeCommand.class},
    synopsisSubcommandLabel = "(certify | list-targets | rules | check-trace | replay)",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:certify: certified; check-trace: no rule failed; replay: no rule failed, no difference; other commands: done",
        "1:certify: not certified; check-trace: a rule failed; replay: a rule failed or the target differed",
        "2:bad usage or input (one line on standard error)",
        "3:internal error (a bug: please report it)"})
public final class Main implements Runnable {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  private boolean help;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * A ready command line: callers (the launcher, tests) may redirect its output with {@link
   * CommandLine#setOut} and {@link CommandLine#setErr} before {@link CommandLine#execute}.
   */
  public static CommandLine commandLine() {
    return commandLine(new RulesCommand());
  }

  /** As {@link #commandLine()}, with a {@code rules} command reading other rules: for tests. */
  static CommandLine commandLine(RulesCommand rules) {
    OneLineErrors errors = new OneLineErrors();
    return new CommandLine(new Main())
        .addSubcommand(rules)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: certify, list-targets, rules, check-trace or replay");
  }
}
