package dev.chimney.report;

import dev.chimney.rules.RuleCatalogue;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.List;

/**
 * Gives each Allure test result one {@value #RULE_LABEL} label per rule ID among its tags, so that
 * whoever reads {@code allure-results} (a script, Allure TestOps) can pick a rule's scenarios
 * without knowing which tags are rule IDs and which are not ({@code @required}, {@code @offload}).
 *
 * <p>An Allure listener, found through {@code META-INF/services}, because nothing else can reach
 * the test result: allure-cucumber7-jvm runs hooks as fixtures, and while one runs Allure's thread
 * context holds the fixture, not the test case (see {@link AllureAttachments}). Allure calls the
 * listener on the thread that writes the result, after the last hook, with the result itself. It
 * derives the labels from the {@value #TAG_LABEL} labels the plugin made of the scenario's tags,
 * the same tags the After hook reads, so the two agree without sharing state.
 */
public final class RuleLabels implements TestLifecycleListener {
  /** The label carrying a rule ID, one per rule the scenario exercises. */
  public static final String RULE_LABEL = "rule";
  /** The label allure-cucumber7-jvm makes of each scenario tag, without its {@code @}. */
  static final String TAG_LABEL = "tag";

  @Override
  public void beforeTestWrite(TestResult result) {
    List<String> rules = result.getLabels().stream()
        .filter(l -> TAG_LABEL.equals(l.getName()))
        .map(Label::getValue)
        .filter(id -> Catalogue.RULES.find(id).isPresent())
        .distinct()
        .toList();
    rules.forEach(id -> result.getLabels().add(new Label().setName(RULE_LABEL).setValue(id)));
  }

  /** Loaded on first use: the listener is created with every Allure lifecycle, used or not. */
  private static final class Catalogue {
    static final RuleCatalogue RULES = RuleCatalogue.load();
  }
}
