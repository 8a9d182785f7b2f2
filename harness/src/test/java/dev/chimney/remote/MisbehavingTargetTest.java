package dev.chimney.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Fault} against a real certify run, in the JVM where it can be shown there and in a
 * child process: the scenario where the fault strikes fails with the reason named, the scenario
 * after it passes (the run goes on, the child restarted), both reach certification.json, and the
 * run ends within a bound set by the timeouts.
 */
class MisbehavingTargetTest {
  /** A scenario with a disconnect (the fault strikes), then one without (it must pass). */
  private static final String DISCONNECT_THEN_CLEAN = "DSC-12,PAR-2";
  /** A scenario with a terminate that completes, then one without a fault. */
  private static final String TERMINATE_THEN_CLEAN = "TOC-9,PAR-2";
  private static final String FAULTY_SCENARIO_DISCONNECT = "A disconnect after the peer's RST may fail";
  private static final String FAULTY_SCENARIO_TERMINATE = "After the terminate the target holds nothing";
  private static final String CLEAN_SCENARIO = "A failed initiate leaves the send data it carried untouched";
  /**
   * The run's bound: the short timeouts (1 s, 3 s, 0.3 s) a few times per scenario, and a child
   * JVM's start for each of up to three processes, generously for a loaded machine.
   */
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir
  Path out;

  @ParameterizedTest
  @EnumSource(Fault.class)
  void outOfProcessTheFaultIsNamedAndTheRunGoesOn(Fault fault) throws IOException {
    check(fault, RemoteTargets.PROCESS + fault.targetName());
  }

  /** The faults that can be shown in this JVM, as {@link Fault#inProcess} declares them. */
  static Stream<Fault> inProcessFaults() {
    return Stream.of(Fault.values()).filter(f -> f.inProcess);
  }

  @ParameterizedTest
  @MethodSource("inProcessFaults")
  void inProcessTheFaultIsNamedAndTheRunGoesOn(Fault fault) throws IOException {
    check(fault, fault.targetName());
  }

  private void check(Fault fault, String target) throws IOException {
    boolean terminate = fault == Fault.UPCALL_AFTER_TERMINATE;
    CertifyRun run = CertifyRun.certify(out, target, terminate ? TERMINATE_THEN_CLEAN : DISCONNECT_THEN_CLEAN,
        CertifyRun.SHORT_TIMEOUTS);
    assertThat(run.certification()).as("certification.json of\n%s", run.transcript()).isNotNull();
    JsonNode faulty = run.scenario(terminate ? FAULTY_SCENARIO_TERMINATE : FAULTY_SCENARIO_DISCONNECT);
    assertThat(faulty.path("status").asText()).as(run.transcript()).isEqualTo("FAILED");
    assertThat(faulty.path("failure").asText()).as(run.transcript()).contains(fault.reason);
    JsonNode clean = run.scenario(CLEAN_SCENARIO);
    assertThat(clean.path("status").asText()).as("the run goes on with a working target:\n%s", run.transcript())
        .isEqualTo("PASSED");
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
    assertThat(run.elapsed()).as("the run's time, bounded by the timeouts").isLessThan(BOUND);
  }
}
