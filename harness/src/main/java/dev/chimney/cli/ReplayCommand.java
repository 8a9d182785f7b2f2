package dev.chimney.cli;

import dev.chimney.host.RunSettings;
import dev.chimney.host.TargetStartException;
import dev.chimney.host.Timeouts;
import dev.chimney.remote.RemoteTargets;
import dev.chimney.replay.RecordedTrace;
import dev.chimney.replay.RecordedTraceReader;
import dev.chimney.replay.ReplayInputException;
import dev.chimney.replay.ReplayReport;
import dev.chimney.replay.Replayer;
import dev.chimney.replay.Timing;
import dev.chimney.report.ReplayJson;
import dev.chimney.report.ReplayText;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.trace.ManifestException;
import dev.chimney.trace.ManifestReader;
import dev.chimney.trace.TraceManifest;
import dev.chimney.wire.capture.CaptureFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chimney replay MANIFEST [--target NAME] [--connection TCPn] [--timing fast|recorded]
 * [--format text|json] [--out DIR]}: drives a live target with the peer's side of a recorded trace,
 * judges it by the rule monitors and compares its segments with the recorded target's. Exit 0 when
 * no rule FAILs and nothing differs that counts, 1 otherwise, 2 for an unusable manifest, capture or
 * option.
 */
@Command(name = "replay",
    description = {"Replays the peer's side of a recorded trace against a live target: the host makes and offloads"
        + " the connection, the recorded peer segments follow with sequence numbers remapped to the live ISNs, the"
        + " host actions at their points. The rule monitors judge the live run, and the target's segments are"
        + " compared with the recorded target's, field by field (traces/README.md)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no rule FAILed and no difference that counts", "1:a rule FAILed or the target differed",
        "2:unusable manifest, capture or option"})
final class ReplayCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  /** The reports go to this folder's {@code replay-<trace>/} unless {@code --out} says otherwise. */
  static final String DEFAULT_REPORTS = CertifyCommand.DEFAULT_REPORTS;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "MANIFEST", description = "The trace's YAML manifest (traces/README.md).")
  private Path manifestFile;

  @Option(names = "--target", paramLabel = "NAME", defaultValue = RunSettings.DEFAULT_TARGET,
      description = "The live target: a name (see list-targets), process:COMMAND or tcp:HOST:PORT. Default: ${DEFAULT-VALUE}.")
  private String target;

  @Option(names = "--connection", paramLabel = "TCPn", defaultValue = RecordedTraceReader.FIRST_CONNECTION,
      description = "The connection of the capture to replay, named as check-trace names them (TCP1, TCP2... in order"
          + " of first sight). Default: ${DEFAULT-VALUE}.")
  private String connection;

  @Option(names = "--timing", paramLabel = "fast|recorded", defaultValue = "fast",
      description = "fast: each peer segment once the target's answers before it came; recorded: at the recorded"
          + " spacing. Default: ${DEFAULT-VALUE}.")
  private Timing timing;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
  private Format format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the capture and reports go. Default: " + DEFAULT_REPORTS + "/replay-<trace>/.")
  private Path out;

  @Mixin
  private TimeoutOption timeouts;

  @Mixin
  private AdapterPathOption adapterPath;

  @Override
  public Integer call() throws IOException {
    RuleCatalogue catalogue = RuleCatalogue.load();
    Timeouts waits = timeouts.timeouts();
    RecordedTrace trace;
    try {
      TraceManifest manifest = new ManifestReader(catalogue).read(manifestFile);
      trace = RecordedTraceReader.read(manifest, connectionName());
    } catch (ManifestException | CaptureFormatException | ReplayInputException e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read the capture of " + manifestFile + ": " + e.getMessage());
    }
    OffloadTargetProvider provider = RemoteTargets.resolve(adapterPath.entries(), target);
    Path outDir = (out != null ? out : Path.of(DEFAULT_REPORTS, "replay-" + trace.name())).toAbsolutePath().normalize();
    ReplayReport report;
    try {
      report = new Replayer(catalogue, waits).replay(trace, provider, target, timing, outDir);
    } catch (TargetStartException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter console = spec.commandLine().getOut();
    if (format == Format.json) {
      ReplayJson.write(report, console);
    } else {
      ReplayText.write(report, console);
    }
    return report.passed() ? ExitCodes.CERTIFIED : ExitCodes.NOT_CERTIFIED;
  }

  private String connectionName() {
    if (!connection.matches("TCP[1-9][0-9]{0,17}")) {
      throw new UserError("--connection " + connection + ": not a connection name (TCP1, TCP2... as check-trace"
          + " names them)");
    }
    return connection;
  }
}
