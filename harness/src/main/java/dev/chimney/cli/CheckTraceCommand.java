package dev.chimney.cli;

import dev.chimney.report.TraceJson;
import dev.chimney.report.TraceText;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.trace.ManifestException;
import dev.chimney.trace.ManifestReader;
import dev.chimney.trace.TraceJudge;
import dev.chimney.trace.TraceManifest;
import dev.chimney.trace.TraceReport;
import dev.chimney.wire.capture.CaptureFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code chimney check-trace CAPTURE [--manifest FILE] [--format text|json]}: judges the wire rules
 * on a capture, from a file or, with CAPTURE {@code -}, from standard input as it comes. Exit 0
 * when no rule FAILs, 1 when one does, 2 when the capture or the manifest is unusable (one line on
 * standard error).
 */
@Command(name = "check-trace",
    description = {"Judges the wire rules (DSC-2, DSC-3, DSC-5, DSC-7, DSC-8, DSC-9, SND-2, TOC-3) on a pcap or pcapng"
        + " capture, and lists every RST, every FIN before the end of the data and every segment after an RST.",
        "The manifest says which endpoint is the offload target and what the host did (traces/README.md);"
            + " chimney's own captures carry both."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no rule FAILed", "1:a rule FAILed", "2:unusable capture or manifest, or bad usage"})
final class CheckTraceCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @Spec
  private CommandSpec spec;

  /** The CAPTURE that means standard input, as tcpdump's {@code -r -}. */
  static final String STANDARD_INPUT = "-";
  /** What reports and messages call a capture read from standard input. */
  static final Path STANDARD_INPUT_NAME = Path.of("(standard input)");

  @Parameters(arity = "0..1", paramLabel = "CAPTURE",
      description = "The pcap or pcapng file; defaults to the manifest's capture. - reads it from standard input,"
          + " as it comes (tcpdump -U -w - | chimney check-trace -).")
  private Path capture;

  @Option(names = "--manifest", paramLabel = "FILE", description = "The trace's YAML manifest.")
  private Path manifestFile;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
  private Format format;

  @Override
  public Integer call() throws IOException {
    RuleCatalogue catalogue = RuleCatalogue.load();
    TraceManifest manifest = null;
    try {
      if (manifestFile != null) {
        manifest = new ManifestReader(catalogue).read(manifestFile);
      }
      if (capture != null && capture.toString().equals(STANDARD_INPUT)) {
        return print(new TraceJudge(catalogue, STANDARD_INPUT_NAME, System.in, manifest).judge());
      }
      Path file = capture;
      if (file == null) {
        if (manifest == null) {
          throw new UserError("check-trace needs a CAPTURE, or a --manifest naming one (see 'chimney check-trace --help')");
        }
        file = manifest.capture();
      } else if (manifest != null && Files.exists(file) && Files.exists(manifest.capture())
          && !Files.isSameFile(file, manifest.capture())) {
        throw new UserError(manifestFile + " describes " + manifest.capture() + ", not " + file);
      }
      if (Files.isDirectory(file)) {
        throw new UserError(file + " is a folder, not a capture file");
      }
      return print(new TraceJudge(catalogue, file, manifest).judge());
    } catch (CaptureFormatException | ManifestException e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read " + (capture != null ? capture : manifestFile) + ": " + e.getMessage());
    }
  }

  /** Prints {@code report} in the format asked for; the exit code it calls for. */
  private int print(TraceReport report) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      TraceJson.write(report, out);
    } else {
      TraceText.write(report, out);
    }
    return report.failed() ? ExitCodes.NOT_CERTIFIED : ExitCodes.CERTIFIED;
  }
}
