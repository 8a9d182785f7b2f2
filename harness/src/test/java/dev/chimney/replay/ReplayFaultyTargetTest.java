package dev.chimney.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.rules.RuleResult;
import dev.chimney.rules.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of the reference NIC replayed against faulty targets: the broken rule FAILs with its
 * evidence in the live capture, and the comparison names the segment where the target strays.
 */
class ReplayFaultyTargetTest {
  private static final String TRACE = "reference-nic/graceful-with-data";

  @TempDir
  Path out;

  @Test
  void aResetWithoutAbortFailsDsc3AndShowsAsAnExtraSegment() throws Exception {
    ReplayReport r = ReplayTraces.replay(TRACE, "faulty:DSC-3", Timing.fast, out);
    assertThat(r.verdict("DSC-3")).as(ReplayTraces.describe(r)).isEqualTo(Verdict.FAIL);
    assertThat(evidence(r, "DSC-3")).contains("DSC-3: expected no RST from the target without an abortive disconnect",
        "capture replay.pcapng packet");
    assertThat(r.differences()).extracting(Difference::message)
        .anyMatch(m -> m.startsWith("live segment 5 segment: expected none (the recording has 4), actual RST seq 3502"));
    assertThat(r.passed()).isFalse();
  }

  @Test
  void aFinBeforeTheDataFailsDsc7AndShowsTheMissingBytes() throws Exception {
    ReplayReport r = ReplayTraces.replay(TRACE, "faulty:DSC-7", Timing.fast, out);
    assertThat(r.verdict("DSC-7")).as(ReplayTraces.describe(r)).isEqualTo(Verdict.FAIL);
    assertThat(evidence(r, "DSC-7")).contains("one past the last data byte");
    assertThat(r.differences()).extracting(Difference::message)
        .contains("packet 7 flags: expected FIN|PSH|ACK, actual FIN|ACK", "packet 7 len: expected 500, actual 0");
  }

  private static String evidence(ReplayReport r, String ruleId) {
    RuleResult rule = r.rules().stream().filter(x -> x.rule().id().equals(ruleId)).findFirst().orElseThrow();
    return rule.evidence().stream().map(dev.chimney.rules.Evidence::message).reduce("", (a, b) -> a + b + "\n");
  }
}
