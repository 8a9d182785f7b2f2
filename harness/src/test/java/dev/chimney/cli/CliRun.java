package dev.chimney.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of {@code chimney}, with what it printed.
 *
 * @param args the arguments, for failure messages
 * @param exitCode what {@link CommandLine#execute} returned
 * @param out standard output
 * @param err standard error
 */
record CliRun(List<String> args, int exitCode, String out, String err) {

  /** Runs as {@link Main#main} does, building only the subcommand that runs. */
  static CliRun run(String... args) {
    return runWithRules(new RulesCommand(), args);
  }

  /** Runs with a {@code rules} command that reads the given rules and feature folder. */
  static CliRun runWithRules(RulesCommand rules, String... args) {
    return run(Main.commandLine(rules, args), args);
  }

  private static CliRun run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new CliRun(Arrays.asList(args), exitCode, out.toString(), err.toString());
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** For failure messages: what was run and everything it printed. */
  String transcript() {
    return "chimney " + String.join(" ", args) + "\n-- exit code " + exitCode + "\n-- stdout:\n" + out + "-- stderr:\n" + err;
  }
}
