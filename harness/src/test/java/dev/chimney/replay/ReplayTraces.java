package dev.chimney.replay;

import dev.chimney.host.TargetRegistry;
import dev.chimney.host.Timeouts;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.trace.ManifestReader;
import dev.chimney.trace.TraceManifest;
import java.nio.file.Path;
import java.util.List;

/** Shared by the replay tests: the shipped traces, and one replay of one of them into a fresh folder. */
final class ReplayTraces {
  static final Path TRACES = Path.of("..", ManifestReader.TRACES_FOLDER).toAbsolutePath().normalize();
  static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

  private ReplayTraces() {}

  /** Replays {@code trace} ("linux/graceful") against {@code target}, writing into {@code out}. */
  static ReplayReport replay(String trace, String target, Timing timing, Path out) throws Exception {
    TraceManifest manifest = new ManifestReader(CATALOGUE).read(TRACES.resolve(trace + ".yaml"));
    RecordedTrace recorded = RecordedTraceReader.read(manifest, RecordedTraceReader.FIRST_CONNECTION);
    return new Replayer(CATALOGUE, Timeouts.DEFAULTS)
        .replay(recorded, TargetRegistry.discover(List.of()).get(target), target, timing, out);
  }

  /** For failure messages: the report's failures and differences. */
  static String describe(ReplayReport r) {
    StringBuilder sb = new StringBuilder();
    r.rules().forEach(rule -> rule.evidence().forEach(e -> sb.append(e.message()).append('\n')));
    r.differences().forEach(d -> sb.append(d.message()).append('\n'));
    r.problems().forEach(p -> sb.append(p).append('\n'));
    return sb.toString();
  }
}
