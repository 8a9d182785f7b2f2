package dev.chimney.rules.monitor;

import static dev.chimney.rules.monitor.Script.CATALOGUE;
import static dev.chimney.rules.monitor.Script.RCV;
import static dev.chimney.rules.monitor.Script.RST_ACK;
import static dev.chimney.rules.monitor.Script.SND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.host.Event;
import dev.chimney.rules.Level;
import dev.chimney.rules.Rule;
import dev.chimney.rules.ScenarioMonitors;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.Capability;
import dev.chimney.spi.TcpUploadReason;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verdicts every monitor shares: NOT_EXERCISED, NOT_APPLICABLE, evidence limits, the life cycle. */
class ScenarioMonitorsTest {

  @Test
  void everyCatalogueRuleHasAMonitor() {
    assertThat(Monitors.ruleIds()).as("monitors vs catalogue")
        .containsExactlyElementsOf(CATALOGUE.rules().stream().map(Rule::id).toList());
  }

  @Test
  void unknownRuleHasNoMonitor() {
    assertThatThrownBy(() -> Monitors.create("DSC-99", new MonitorContext("s", null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DSC-99");
  }

  @Test
  void aScenarioWhereNothingHappensExercisesNoRule() {
    ScenarioVerdicts v = new Script().run();
    for (Rule rule : CATALOGUE.rules()) {
      assertThat(v.verdict(rule.id())).as("%s on an empty log: expected NOT_EXERCISED", rule.id())
          .isEqualTo(Verdict.NOT_EXERCISED);
    }
    assertThat(v.failed()).isFalse();
    assertThat(v.failureMessage()).isNull();
  }

  @Test
  void anOffloadAloneLeavesTheDisconnectRulesNotExercised() {
    ScenarioVerdicts v = new Script().offload().run();
    for (String rule : new String[] {"DSC-1", "DSC-2", "DSC-4", "DSC-7", "SND-1", "TOC-5", "TRM-8"}) {
      assertThat(v.verdict(rule)).as("%s after a bare offload: expected NOT_EXERCISED", rule).isEqualTo(Verdict.NOT_EXERCISED);
    }
  }

  @ParameterizedTest
  @EnumSource(Capability.class)
  void rulesNeedingAMissingCapabilityAreNotApplicable(Capability declared) {
    ScenarioVerdicts v = new Script().run(declared);
    for (Rule rule : CATALOGUE.rules()) {
      Verdict expected = rule.requires() == null || rule.requires() == declared ? Verdict.NOT_EXERCISED : Verdict.NOT_APPLICABLE;
      assertThat(v.verdict(rule.id())).as("%s (requires %s) for a target declaring only %s", rule.id(), rule.requires(), declared)
          .isEqualTo(expected);
    }
  }

  @Test
  void optionalRulesAreExactlyThoseNeedingACapability() {
    for (Rule rule : CATALOGUE.rules()) {
      assertThat(rule.level() == Level.OPTIONAL).as("%s level %s requires %s", rule.id(), rule.level(), rule.requires())
          .isEqualTo(rule.requires() != null);
    }
  }

  @Test
  void aViolationOfARuleTheTargetNeedNotObeyIsNotApplicableNotFail() {
    Script s = new Script().offload();
    Event.Upcall nameless = s.retrieve(null, TcpUploadReason.LOW_RESOURCES);
    Script.assertFail(s.run(), "TRM-2", nameless);
    ScenarioVerdicts v = s.run(EnumSet.complementOf(EnumSet.of(Capability.TERMINATE_REQUEST)).toArray(new Capability[0]));
    assertThat(v.verdict("TRM-2")).isEqualTo(Verdict.NOT_APPLICABLE);
    assertThat(v.evidence()).as("evidence").noneMatch(e -> e.ruleId().equals("TRM-2"));
  }

  @Test
  void evidenceIsCappedPerRule() {
    Script s = new Script().offload();
    for (int i = 0; i < MonitorBase.MAX_EVIDENCE + 5; i++) {
      s.toPeer(SND, RCV, RST_ACK, 0);
    }
    ScenarioVerdicts v = s.run();
    assertThat(v.evidence().stream().filter(e -> e.ruleId().equals("DSC-3"))).hasSize(MonitorBase.MAX_EVIDENCE);
    assertThat(v.failureMessage()).contains("DSC-3: expected no RST").contains("capture test.pcapng packet 1 ");
  }

  @Test
  void wireEvidenceWithoutACaptureSaysSo() {
    ScenarioMonitors monitors = new ScenarioMonitors(CATALOGUE, Set.of(), "no capture", null);
    Script s = new Script();
    Event.Packet rst = s.toPeer(SND, RCV, RST_ACK, 0);
    monitors.onEvent(rst);
    assertThat(monitors.finish().failureMessage()).contains("DSC-3").contains("no capture packet 1 (event #1)");
  }

  @Test
  void finishIsFinalAndLaterEventsAreNotJudged() {
    ScenarioMonitors monitors = new ScenarioMonitors(CATALOGUE, Set.of(), "late", Script.CAPTURE);
    ScenarioVerdicts first = monitors.finish();
    Script s = new Script();
    monitors.onEvent(s.toPeer(SND, RCV, RST_ACK, 0));
    assertThat(monitors.finish()).isSameAs(first);
    assertThat(first.verdict("DSC-3")).isEqualTo(Verdict.NOT_EXERCISED);
  }

  @Test
  void monitorsRunOnlyForApplicableRules() {
    ScenarioMonitors monitors = new ScenarioMonitors(CATALOGUE, Set.of(), "s", null);
    assertThat(monitors.monitors()).containsKey("DSC-3").doesNotContainKey("TRM-1").doesNotContainKey("FWD-1");
    assertThat(monitors.monitors().get("DSC-3").ruleId()).isEqualTo("DSC-3");
  }
}
