package dev.chimney.cli;

import dev.chimney.host.RunSettings;
import dev.chimney.remote.RemoteTargets;
import dev.chimney.report.Reports;
import dev.chimney.rules.Certification;
import dev.chimney.rules.CertificationJudge;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.RunRecord;
import dev.chimney.rules.ScenarioResult;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.steps.Lifecycle;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chimney certify}: runs the scenarios against one target and judges it. Every input is
 * checked (target, rule selection, timeouts, output folder) before the first scenario runs, so a
 * mistake costs nothing. Runs on the main thread; the scenarios run on it too.
 */
@Command(name = "certify",
    description = "Runs the scenarios against a target, judges every rule, writes the reports. "
        + "Exit code 0 when certified, 1 when not.")
final class CertifyCommand implements Callable<Integer> {
  /** The reports of a run go to this folder's {@code <target>/} unless {@code --out} says otherwise. */
  static final String DEFAULT_REPORTS = "reports";
  /** The output folder's sub-folder the Allure plugin writes into, and the report is rendered from. */
  static final String ALLURE_RESULTS = "allure-results";
  /** The output folder's sub-folder for JUnit XML, for CI dashboards. */
  static final String JUNIT_XML = "junit";

  @Spec
  private CommandSpec spec;

  @Option(names = "--target", paramLabel = "NAME", defaultValue = RunSettings.DEFAULT_TARGET,
      description = "The target to certify: a name (see list-targets), process:COMMAND (a child process "
          + "speaking the target protocol; process:NAME runs a listed target in a child JVM) or tcp:HOST:PORT. "
          + "Default: ${DEFAULT-VALUE}.")
  private String target;

  @Option(names = "--rules", paramLabel = "SELECTION",
      description = "Run only the scenarios of these rules: IDs and prefixes, e.g. DSC-3,TOC-*. Default: all.")
  private String rules;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the reports go. Default: " + DEFAULT_REPORTS + "/<target>/ in the current folder.")
  private Path out;

  @Mixin
  private TimeoutOption timeouts;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "How many scenarios run at once on an in-process target on real time (targets on"
          + " virtual time and remote ones always run one at a time). Default: " + CucumberSuite.REAL_TIME_PARALLELISM + ".")
  private int parallelism = CucumberSuite.REAL_TIME_PARALLELISM;

  @Mixin
  private AdapterPathOption adapterPath;

  @Override
  public Integer call() {
    List<Path> adapters = adapterPath.entries();
    OffloadTargetProvider provider = RemoteTargets.resolve(adapters, target);
    timeouts.timeouts();
    if (parallelism < 1) {
      throw new UserError("--parallelism must be at least 1, not " + parallelism);
    }
    // On virtual time one at a time keeps the captures byte-identical; a remote target holds one
    // connection for the run and serves one scenario at a time over it.
    boolean oneAtATime = !RemoteTargets.inProcessOnRealTime(provider, target);
    RuleCatalogue catalogue = RuleCatalogue.load();
    Optional<RuleTags.Selection> selection = Optional.ofNullable(rules).map(r -> select(catalogue, r));
    Path outDir = (out != null ? out : Path.of(DEFAULT_REPORTS, RemoteTargets.folderName(target))).toAbsolutePath().normalize();
    Path allureResults = outDir.resolve(ALLURE_RESULTS);
    Path junitXml = outDir.resolve(JUNIT_XML);
    prepare(outDir, allureResults, junitXml, outDir.resolve(Lifecycle.CAPTURES));

    System.setProperty(RunSettings.TARGET, target);
    System.setProperty(RunSettings.ADAPTER_PATH,
        adapters.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator)));
    System.setProperty(RunSettings.OUT, outDir.toString());
    System.setProperty(RunSettings.TIMEOUTS, RunSettings.formatTimeouts(timeouts.overrides()));
    System.setProperty(CucumberSuite.ALLURE_RESULTS_DIRECTORY, allureResults.toString());
    RunRecord.reset();

    PrintWriter console = spec.commandLine().getOut();
    console.println("certifying " + target
        + selection.map(s -> " on the scenarios of " + String.join(", ", s.ruleIds())).orElse(""));
    console.flush();
    CucumberSuite.run(CucumberSuite.request(selection, oneAtATime ? 1 : parallelism),
        new ProgressListener(console), new LegacyXmlReportGeneratingListener(junitXml, console));

    Certification certification =
        CertificationJudge.judge(target, provider.capabilities(), catalogue, inFeatureOrder(RunRecord.results()));
    try {
      Reports.writeAll(certification, outDir, allureResults);
    } catch (IOException e) {
      throw new UserError("cannot write the reports into " + outDir + ": " + e.getMessage());
    }
    CertificationSummary.print(certification, outDir, console);
    return certification.certified() ? ExitCodes.CERTIFIED : ExitCodes.NOT_CERTIFIED;
  }

  /**
   * The results by feature file, then line: the order in which scenarios run one at a time. Run in
   * parallel they finish in any order; sorted, the reports list them (and cite the first evidence
   * of a rule) the same way in every run.
   */
  private static List<ScenarioResult> inFeatureOrder(List<ScenarioResult> results) {
    return results.stream()
        .sorted(Comparator.comparing((ScenarioResult r) -> featureFile(r.feature())).thenComparingInt(r -> featureLine(r.feature())))
        .toList();
  }

  /** "features/x.feature" of "features/x.feature:12". */
  private static String featureFile(String location) {
    int colon = location.lastIndexOf(':');
    return colon < 0 ? location : location.substring(0, colon);
  }

  /** 12 of "features/x.feature:12"; 0 when the location has no line. */
  private static int featureLine(String location) {
    int colon = location.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(location.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static RuleTags.Selection select(RuleCatalogue catalogue, String selection) {
    try {
      return RuleTags.select(catalogue.select(selection));
    } catch (IllegalArgumentException e) {
      throw new UserError("--rules " + selection + ": " + e.getMessage());
    }
  }

  /**
   * Creates the output folder and empties the result folders the run fills: Allure renders every
   * result file it finds, so a previous run's would show up in this run's report, and the captures
   * of scenarios a previous run numbered otherwise (or that no longer exist) would sit among this
   * run's as if they belonged to it.
   */
  private static void prepare(Path outDir, Path... runFolders) {
    try {
      Files.createDirectories(outDir);
      for (Path folder : runFolders) {
        deleteTree(folder);
        Files.createDirectories(folder);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UserError("cannot prepare the output folder " + outDir + ": " + e.getMessage());
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
