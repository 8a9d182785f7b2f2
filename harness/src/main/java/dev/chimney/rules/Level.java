package dev.chimney.rules;

/** Whether certification needs the rule to PASS. */
public enum Level {
  /** Every required rule must PASS for a target to be certified. */
  REQUIRED,
  /** Judged and reported, but NOT_APPLICABLE when the target lacks the capability. */
  OPTIONAL
}
