package dev.chimney.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    // The subcommands are added by commandLine(), which builds only those a run needs.
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
    // No chimney annotation holds a Groovy closure; without this, picocli's first use looks for
    // groovy.lang.Closure in every jar of the class path, which costs a short command milliseconds.
    System.setProperty("picocli.disable.closures", "true");
    System.exit(commandLine(new RulesCommand(), args).execute(args));
  }

  /**
   * A ready command line with every subcommand: callers (tests) may redirect its output with {@link
   * CommandLine#setOut} and {@link CommandLine#setErr} before {@link CommandLine#execute}.
   */
  public static CommandLine commandLine() {
    return commandLine(new RulesCommand());
  }

  /**
   * The command line to run {@code args}, with {@code rules} as its rules command (tests give one
   * reading other rules). picocli builds a subcommand's model by reflection, a good part of a short
   * command's start-up, so when {@code args[0]} names a subcommand only that one is built; otherwise
   * (no command, the top-level help, a misspelt command) all are, for the help's list and for "did
   * you mean".
   */
  static CommandLine commandLine(RulesCommand rules, String... args) {
    Map<String, Supplier<Object>> subcommands = subcommands(rules);
    Supplier<Object> named = args.length > 0 ? subcommands.get(args[0]) : null;
    OneLineErrors errors = new OneLineErrors();
    CommandLine cli = new CommandLine(new Main())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
    if (named != null) {
      cli.addSubcommand(named.get());
    } else {
      subcommands.values().forEach(command -> cli.addSubcommand(command.get()));
    }
    return cli;
  }

  /** Every subcommand by the name its {@code @Command} gives it, in the order the help lists them. */
  private static Map<String, Supplier<Object>> subcommands(RulesCommand rules) {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("certify", CertifyCommand::new);
    all.put("list-targets", ListTargetsCommand::new);
    all.put("check-trace", CheckTraceCommand::new);
    all.put("replay", ReplayCommand::new);
    all.put("serve-target", ServeCommand::new);
    all.put("rules", () -> rules);
    return all;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: certify, list-targets, rules, check-trace or replay");
  }
}
