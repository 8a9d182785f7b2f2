package dev.chimney.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chimney.spi.Capability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped catalogue holds every rule of spec/RULES.md; malformed catalogues fail with their line. */
class RuleCatalogueTest {
  /** Every ID of the tables of spec/RULES.md, copied here so that the test needs no spec folder. */
  private static final List<String> RULES_MD_IDS = List.of(
      "TRM-1", "TRM-2", "TRM-3", "TRM-4", "TRM-5", "TRM-6", "TRM-7", "TRM-8",
      "TOC-1", "TOC-2", "TOC-3", "TOC-4", "TOC-5", "TOC-6", "TOC-7", "TOC-8", "TOC-9", "TOC-10",
      "PAR-1", "PAR-2", "PAR-3", "PAR-4", "PAR-5", "PAR-6", "PAR-7",
      "DSC-1", "DSC-2", "DSC-3", "DSC-4", "DSC-5", "DSC-6", "DSC-7", "DSC-8", "DSC-9", "DSC-10", "DSC-11",
      "DSC-12", "DSC-13",
      "FWD-1", "FWD-2", "FWD-3", "FWD-4", "FWD-5",
      "SND-1", "SND-2", "SND-3");

  /** The capability each optional rule needs; every other rule is required. */
  private static final Map<String, Capability> OPTIONAL = Map.ofEntries(
      Map.entry("TRM-1", Capability.TERMINATE_REQUEST), Map.entry("TRM-2", Capability.TERMINATE_REQUEST),
      Map.entry("TRM-3", Capability.TERMINATE_REQUEST),
      Map.entry("TRM-4", Capability.TERMINATE_REQUEST), Map.entry("TRM-6", Capability.UPLOAD_ALL),
      Map.entry("TRM-7", Capability.UPLOAD_ALL), Map.entry("TRM-8", Capability.UPLOAD_ALL),
      Map.entry("PAR-4", Capability.STATE_TREE), Map.entry("PAR-5", Capability.STATE_TREE),
      Map.entry("PAR-6", Capability.STATE_TREE), Map.entry("PAR-7", Capability.STATE_TREE),
      Map.entry("FWD-1", Capability.FORWARD), Map.entry("FWD-2", Capability.FORWARD),
      Map.entry("FWD-3", Capability.FORWARD));

  private final RuleCatalogue catalogue = RuleCatalogue.load();

  @Test
  void holdsEveryRuleOfRulesMdInOrder() {
    assertThat(catalogue.rules().stream().map(Rule::id).toList()).as("catalogue IDs").isEqualTo(RULES_MD_IDS);
  }

  @Test
  void partiesAndViewsIterateInTheCatalogueOrderSoEveryRunPrintsThemAlike() {
    // Set.of's order is salted per JVM: `chimney rules` printed "target, host" in one run and
    // "host, target" in the next.
    assertThat(catalogue.find("TRM-1").orElseThrow().binds()).containsExactly("target", "host");
    assertThat(catalogue.find("TRM-8").orElseThrow().seenOn()).containsExactly("api", "wire");
  }

  @Test
  void levelAndCapabilityFollowTheOptionalCapabilities() {
    for (Rule rule : catalogue.rules()) {
      Capability expected = OPTIONAL.get(rule.id());
      assertThat(rule.requires()).as("%s requires", rule.id()).isEqualTo(expected);
      assertThat(rule.level()).as("%s level", rule.id()).isEqualTo(expected == null ? Level.REQUIRED : Level.OPTIONAL);
    }
  }

  @Test
  void rulesCarryTheirTableColumns() {
    Rule trm1 = catalogue.find("TRM-1").orElseThrow();
    assertThat(trm1.bindsTarget()).isTrue();
    assertThat(trm1.bindsHost()).isTrue();
    assertThat(trm1.area()).isEqualTo("Terminate offload requested by the offload target");
    assertThat(trm1.text()).startsWith("A target asks for the termination of one connection");
    Rule dsc6 = catalogue.find("DSC-6").orElseThrow();
    assertThat(dsc6.bindsTarget()).as("DSC-6 binds the host only").isFalse();
    Rule toc3 = catalogue.find("TOC-3").orElseThrow();
    assertThat(toc3.seenOn()).containsExactlyInAnyOrder("api", "wire");
    assertThat(catalogue.find("XYZ-1")).isEmpty();
  }

  @Test
  void selectsIdsAndPrefixesInCatalogueOrder() {
    assertThat(catalogue.select(" SND-2 , TOC-1*,DSC-3,SND-2").stream().map(Rule::id))
        .containsExactly("TOC-1", "TOC-10", "DSC-3", "SND-2");
    assertThat(catalogue.select("FWD-*")).hasSize(5);
  }

  @Test
  void selectionMatchingNoRuleNamesTheEntry() {
    assertThatThrownBy(() -> catalogue.select("DSC-1,DSX-*"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'DSX-*'");
  }

  @ParameterizedTest
  @CsvSource({
      "missing-text.yaml, line 9, text",
      "unknown-capability.yaml, line 3, TELEPATHY",
      "optional-without-capability.yaml, line 3, optional exactly when",
      "duplicate-id.yaml, line 9, duplicate rule id SND-1",
      "unknown-party.yaml, line 3, binds [peer]",
      "not-a-list.yaml, line 2, a list of rules"})
  void malformedCatalogueFailsWithTheLine(String file, String line, String problem) {
    assertThatThrownBy(() -> RuleCatalogue.fromResource("/dev/chimney/rules/bad/" + file))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(file).hasMessageContaining(line + ":")
        .hasMessageContaining(problem);
  }

  @Test
  void missingCatalogueFails() {
    assertThatThrownBy(() -> RuleCatalogue.fromResource("/dev/chimney/rules/none.yaml"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not on the class path");
  }
}
