package dev.chimney.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.RunSettings;
import dev.chimney.host.Timeouts;
import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which default timeouts a run takes for its target's clock. */
class RunContextTest {
  @Test
  void aTargetOnVirtualTimeKeepsTheDefaultQuietPeriod() {
    assertThat(RunContext.defaultTimeouts(provider(Set.of(Capability.VIRTUAL_TIME)), "reference-nic")).isEqualTo(Timeouts.DEFAULTS);
  }

  @Test
  void anInProcessTargetOnRealTimeGetsTheShorterQuietPeriodAndTheSameWaitsForCompletionAndDelivery() {
    Timeouts realTime = RunContext.defaultTimeouts(provider(Set.of(Capability.FORWARD)), "linux-kernel");

    assertThat(realTime.quiet()).as("quiet").isEqualTo(Timeouts.REAL_TIME_QUIET).isLessThan(Timeouts.DEFAULTS.quiet());
    assertThat(realTime.completion()).as("completion").isEqualTo(Timeouts.DEFAULTS.completion());
    assertThat(realTime.delivery()).as("delivery").isEqualTo(Timeouts.DEFAULTS.delivery());
  }

  @Test
  void aRemoteTargetKeepsTheDefaultQuietPeriodThoughItRunsOnRealTime() {
    assertThat(RunContext.defaultTimeouts(provider(Set.of(Capability.FORWARD)), "tcp:127.0.0.1:7000"))
        .isEqualTo(Timeouts.DEFAULTS);
  }

  @Test
  void anOverrideOutranksTheRealTimeDefault() {
    // As RunContext composes them: the run's overrides (certify --timeout) over the target's defaults.
    String saved = System.getProperty(RunSettings.TIMEOUTS);
    System.setProperty(RunSettings.TIMEOUTS, RunSettings.formatTimeouts(Map.of("quiet", "500")));
    try {
      Timeouts t = RunSettings.timeouts(RunContext.defaultTimeouts(provider(Set.of(Capability.FORWARD)), "linux-kernel"));

      assertThat(t.quiet()).as("quiet").isEqualTo(Duration.ofMillis(500));
      assertThat(t.completion()).as("completion, not overridden").isEqualTo(Timeouts.REAL_TIME_DEFAULTS.completion());
    } finally {
      if (saved == null) {
        System.clearProperty(RunSettings.TIMEOUTS);
      } else {
        System.setProperty(RunSettings.TIMEOUTS, saved);
      }
    }
  }

  private static OffloadTargetProvider provider(Set<Capability> capabilities) {
    return new OffloadTargetProvider() {
      @Override
      public String name() {
        return "stub";
      }

      @Override
      public String description() {
        return "declares the given capabilities only";
      }

      @Override
      public Set<Capability> capabilities() {
        return capabilities;
      }

      @Override
      public OffloadTarget create(TargetContext context) {
        throw new UnsupportedOperationException("never created here");
      }
    };
  }
}
