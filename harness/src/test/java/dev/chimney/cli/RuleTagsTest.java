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
  void selectedRulesBecomeAnOrOfTheirTags() {
    assertThat(RuleTags.expression(List.of(rule("DSC-3"), rule("TOC-1"), rule("TOC-2"))))
        .as("tag expression for DSC-3, TOC-1, TOC-2")
        .isEqualTo("@DSC-3 or @TOC-1 or @TOC-2");
  }

  @Test
  void oneRuleIsOneTag() {
    assertThat(RuleTags.expression(List.of(rule("FWD-1")))).as("tag expression for FWD-1").isEqualTo("@FWD-1");
  }

  @Test
  void aRuleSelectedTwiceAppearsOnce() {
    assertThat(RuleTags.expression(List.of(rule("DSC-3"), rule("DSC-3")))).as("tag expression").isEqualTo("@DSC-3");
  }

  @Test
  void anEmptySelectionIsRefused() {
    assertThatThrownBy(() -> RuleTags.expression(List.of())).as("expression of no rule")
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
