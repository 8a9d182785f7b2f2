package dev.chimney.rules;

import java.util.List;

/**
 * A rule's verdict over a whole run.
 *
 * @param rule the rule
 * @param verdict the verdict
 * @param scenarios how many scenarios exercised it
 * @param evidence what failed, empty unless FAIL
 * @param reason why NOT_APPLICABLE or NOT_EXERCISED, else null
 */
public record RuleResult(Rule rule, Verdict verdict, int scenarios, List<Evidence> evidence, String reason) {}
