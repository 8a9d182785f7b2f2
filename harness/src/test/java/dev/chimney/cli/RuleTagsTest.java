package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.rules.Level;
import dev.chimney.rules.Rule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tag expression certify hands Cucumber for {@code --rules}, and reading rule IDs back from tags. */
class RuleTagsTest {
  @Test
  void selectedRulesBecomeAnOrOfTheirCucumberTags() {
    RuleTags.Selection selection = RuleTags.select(List.of(rule("DSC-3"), rule("TOC-1"), rule("TOC-2")));

    assertThat(selection.cucumberExpression()).as("Cucumber tag expression for DSC-3, TOC-1, TOC-2")
        .isEqualTo("@DSC-3 or @TOC-1 or @TOC-2");
  }

  @Test
  void selectedRulesBecomeAnOrOfTheirJunitTags() {
    RuleTags.Selection selection = RuleTags.select(List.of(rule("DSC-3"), rule("TOC-1")));

    assertThat(selection.junitExpression()).as("JUnit tag expression for DSC-3, TOC-1").isEqualTo("DSC-3 | TOC-1");
  }

  @Test
  void oneRuleIsOneTag() {
    RuleTags.Selection selection = RuleTags.select(List.of(rule("FWD-1")));

    assertThat(selection.cucumberExpression()).as("Cucumber tag expression for FWD-1").isEqualTo("@FWD-1");
    assertThat(selection.junitExpression()).as("JUnit tag expression for FWD-1").isEqualTo("FWD-1");
  }

  @Test
  void aRuleSelectedTwiceAppearsOnce() {
    assertThat(RuleTags.select(List.of(rule("DSC-3"), rule("DSC-3"))).ruleIds()).as("rule IDs selected")
        .containsExactly("DSC-3");
  }

  @Test
  void anEmptySelectionIsRefused() {
    assertThatThrownBy(() -> RuleTags.select(List.of())).as("selection of no rule")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleIdsAreReadFromTagsWithOrWithoutTheirAt() {
    assertThat(RuleTags.ruleIds(List.of("@DSC-3", "TOC-10", "slow", "@area-disconnect", "@dsc-3", "@DSC-3")))
        .as("rule IDs among the tags")
        .containsExactly("DSC-3", "TOC-10");
  }

  private static Rule rule(String id) {
    return new Rule(id, "Area", "Text.", Set.of("target"), Set.of("api"), Level.REQUIRED, null);
  }
}
