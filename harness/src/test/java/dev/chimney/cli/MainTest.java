package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The CLI's contract with its user, run in process: help everywhere, and every user error one line
 * on standard error starting with "chimney: ", exit code 2, no stack trace. Nothing here runs a
 * scenario: certify is only driven as far as its input checks, which come before the run.
 */
class MainTest {
  @TempDir
  Path dir;

  /** Every subcommand the CLI has, so that one added later cannot be left out here. */
  static Stream<String> subcommands() {
    return Main.commandLine().getSubcommands().keySet().stream();
  }

  /** The subcommands the top-level help lists: all but the hidden ones (serve-target). */
  private static String[] listedSubcommands() {
    return Main.commandLine().getSubcommands().entrySet().stream()
        .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
        .map(Map.Entry::getKey)
        .toArray(String[]::new);
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubcommandHasHelp(String command) {
    CliRun run = CliRun.run(command, "--help");

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isZero();
    assertThat(run.out()).as("help of %s%n%s", command, run.transcript()).startsWith("Usage: chimney " + command);
    assertThat(run.err()).as("stderr%n%s", run.transcript()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void aRunBuildsOnlyTheSubcommandItNames(String command) {
    CommandLine cli = Main.commandLine(new RulesCommand(), command, "--help");

    assertThat(cli.getSubcommands()).as("subcommands built to run %s", command).containsOnlyKeys(command);
  }

  @Test
  void aRunNamingNoSubcommandBuildsThemAll() {
    Set<String> all = Main.commandLine().getSubcommands().keySet();

    assertThat(Main.commandLine(new RulesCommand()).getSubcommands()).as("no arguments").containsOnlyKeys(all);
    assertThat(Main.commandLine(new RulesCommand(), "--help").getSubcommands()).as("--help").containsOnlyKeys(all);
    assertThat(Main.commandLine(new RulesCommand(), "certfy").getSubcommands()).as("certfy").containsOnlyKeys(all);
  }

  @Test
  void topLevelHelpListsTheCommandsAndExitCodes() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isZero();
    assertThat(run.out()).as("help%n%s", run.transcript())
        .contains(listedSubcommands())
        .contains("Exit codes:");
  }

  @Test
  void certifyHelpShowsTheDefaultTarget() {
    CliRun run = CliRun.run("certify", "--help");

    assertThat(run.out()).as("help%n%s", run.transcript()).contains("Default:", "reference-nic");
  }

  @Test
  void noCommandIsAUserError() {
    assertOneLineUserError(CliRun.run(), "missing command");
  }

  @Test
  void unknownOptionIsAUserError() {
    assertOneLineUserError(CliRun.run("certify", "--bogus"), "'--bogus'", "chimney certify --help");
  }

  @Test
  void misspeltCommandSuggestsTheRightOne() {
    assertOneLineUserError(CliRun.run("certfy"), "'certfy'", "did you mean certify");
  }

  @Test
  void unknownTargetIsAUserErrorBeforeAnythingRuns() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "test-nic.jar", "TestNicProvider", "test-nic");

    CliRun run = CliRun.run("certify", "--target", "no-such-nic", "--adapter-path", jar.toString());

    assertOneLineUserError(run, "unknown target 'no-such-nic'", "known:", "test-nic",
        "faulty:* (", "list-targets shows them all");
    assertThat(run.err()).as("stderr names no exception%n%s", run.transcript()).doesNotContain("Exception");
    assertThat(run.out()).as("nothing ran%n%s", run.transcript()).isEmpty();
  }

  @Test
  void missingAdapterJarIsAUserError() {
    Path missing = dir.resolve("missing.jar");

    assertOneLineUserError(CliRun.run("list-targets", "--adapter-path", missing.toString()),
        "not found", missing.toString());
  }

  @Test
  void folderWithoutJarsIsAUserError() {
    assertOneLineUserError(CliRun.run("list-targets", "--adapter-path", dir.toString()),
        "holds no .jar file", dir.toString());
  }

  @Test
  void garbageFileAsJarIsAUserError() throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage.jar"), "not a zip", StandardCharsets.UTF_8);

    assertOneLineUserError(CliRun.run("certify", "--adapter-path", garbage.toString()),
        "not a jar file", garbage.toString());
  }

  @Test
  void listTargetsShowsATargetFromAnAdapterJarWithItsSource() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "test-nic.jar", "TestNicProvider", "test-nic");

    CliRun run = CliRun.run("list-targets", "--adapter-path", jar.toString());

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isZero();
    assertThat(run.out()).as("the jar's target, its description, capabilities and source%n%s", run.transcript())
        .contains("test-nic", TestAdapterJars.DESCRIPTION, "STATE_TREE, FORWARD",
            "found in:     " + jar.toAbsolutePath().normalize());
  }

  @Test
  void listTargetsSearchesAFolderOfJars() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "test-nic.jar", "TestNicProvider", "test-nic");

    CliRun run = CliRun.run("list-targets", "--adapter-path", dir.toString());

    assertThat(run.exitCode()).as("exit code%n%s", run.transcript()).isZero();
    assertThat(run.out()).as("the folder's jar is searched%n%s", run.transcript()).contains(jar.toString());
  }

  @Test
  void adapterPathTakesSeveralEntries() throws IOException {
    Path first = TestAdapterJars.providerJar(dir, "first.jar", "FirstProvider", "first-nic");
    Path second = TestAdapterJars.providerJar(dir, "second.jar", "SecondProvider", "second-nic");

    CliRun run = CliRun.run("list-targets", "--adapter-path", first + File.pathSeparator + second);

    assertThat(run.out()).as("both targets%n%s", run.transcript()).contains("first-nic", "second-nic");
  }

  @Test
  void providerThatThrowsInItsConstructorIsAUserError() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "broken.jar", "BrokenProvider", "broken-nic",
        "throw new IllegalStateException(\"no licence key\\nsecond line\");");

    assertOneLineUserError(CliRun.run("list-targets", "--adapter-path", jar.toString()),
        "dev.example.BrokenProvider", jar.toAbsolutePath().normalize().toString(), "no licence key");
  }

  @Test
  void providerWhoseClassIsMissingIsAUserError() throws IOException {
    Path jar = TestAdapterJars.jarListingMissingClass(dir, "hollow.jar", "dev.example.Missing");

    assertOneLineUserError(CliRun.run("certify", "--adapter-path", jar.toString()),
        "dev.example.Missing", "not found");
  }

  @Test
  void twoTargetsWithOneNameIsAUserErrorNamingBothSources() throws IOException {
    Path first = TestAdapterJars.providerJar(dir, "first.jar", "FirstProvider", "twin-nic");
    Path second = TestAdapterJars.providerJar(dir, "second.jar", "SecondProvider", "twin-nic");

    assertOneLineUserError(CliRun.run("list-targets", "--adapter-path", dir.toString()),
        "'twin-nic'", first.toString(), second.toString());
  }

  @Test
  void providerWithAnInvalidNameIsAUserError() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "shouty.jar", "ShoutyProvider", "Shouty NIC");

    assertOneLineUserError(CliRun.run("list-targets", "--adapter-path", jar.toString()),
        "invalid name 'Shouty NIC'");
  }

  @Test
  void unknownTimeoutIsAUserError() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "test-nic.jar", "TestNicProvider", "test-nic");

    assertOneLineUserError(CliRun.run("certify", "--target", "test-nic", "--adapter-path", jar.toString(),
        "--timeout", "patience=5"), "unknown timeout 'patience'", "completion, delivery, quiet");
  }

  @Test
  void parallelismBelowOneIsAUserError() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "test-nic.jar", "TestNicProvider", "test-nic");

    assertOneLineUserError(CliRun.run("certify", "--target", "test-nic", "--adapter-path", jar.toString(),
        "--parallelism", "0"), "--parallelism", "at least 1");
  }

  @Test
  void timeoutThatIsNotANumberIsAUserError() throws IOException {
    Path jar = TestAdapterJars.providerJar(dir, "test-nic.jar", "TestNicProvider", "test-nic");

    assertOneLineUserError(CliRun.run("certify", "--target", "test-nic", "--adapter-path", jar.toString(),
        "--timeout", "quiet=soon"), "quiet", "soon");
  }

  private static void assertOneLineUserError(CliRun run, String... fragments) {
    assertThat(run.exitCode()).as("exit code of a user error%n%s", run.transcript()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(run.errLines()).as("stderr is one line%n%s", run.transcript()).hasSize(1);
    assertThat(run.err()).as("stderr%n%s", run.transcript())
        .startsWith(OneLineErrors.PREFIX)
        .doesNotContain("at dev.", "\tat ", "Caused by")
        .contains(fragments);
  }
}
