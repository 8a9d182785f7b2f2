package dev.chimney.steps;

import dev.chimney.host.RunSettings;
import dev.chimney.host.Timeouts;
import dev.chimney.remote.RemoteTargets;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.spi.OffloadTargetProvider;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every scenario of a run shares: the target's provider, the catalogue, the timeouts and the
 * output folder, resolved once from {@link RunSettings} when the first scenario starts.
 */
final class RunContext {
  private static RunContext current;

  final String targetName;
  final OffloadTargetProvider provider;
  final RuleCatalogue catalogue;
  final Timeouts timeouts;
  final Path out;
  private final AtomicInteger scenarioCounter = new AtomicInteger();

  private RunContext() {
    targetName = RunSettings.target();
    provider = RemoteTargets.resolve(RunSettings.adapterPath(), targetName);
    catalogue = RuleCatalogue.load();
    timeouts = RunSettings.timeouts(defaultTimeouts(provider, targetName));
    out = RunSettings.out();
  }

  /**
   * The defaults for the target: on real time every quiet period is waited out in full, so an
   * in-process target on real time (the kernel's) gets {@link Timeouts#REAL_TIME_QUIET}, chosen
   * against the kernel's timers. A remote target keeps {@link Timeouts#DEFAULTS}: the harness knows
   * nothing of its timers, nor of the process boundary's delays.
   */
  static Timeouts defaultTimeouts(OffloadTargetProvider provider, String targetName) {
    return RemoteTargets.inProcessOnRealTime(provider, targetName) ? Timeouts.REAL_TIME_DEFAULTS : Timeouts.DEFAULTS;
  }

  /** The run's context, resolved anew whenever the settings name another target or folder. */
  static synchronized RunContext get() {
    if (current == null || !current.targetName.equals(RunSettings.target())
        || !current.out.equals(RunSettings.out())) {
      current = new RunContext();
    }
    return current;
  }

  /** The next scenario number of the run, from 1: it prefixes artifact names so they sort in run order. */
  int nextScenarioNumber() {
    return scenarioCounter.incrementAndGet();
  }
}
