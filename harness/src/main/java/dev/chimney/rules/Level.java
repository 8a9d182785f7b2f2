package dev.chimney.rules;

import java.util.Locale;

/** Whether certification needs the rule to PASS. */
public enum Level {
  /** Every required rule must PASS for a target to be certified. */
  REQUIRED,
  /** Judged and reported, but NOT_APPLICABLE when the target lacks the capability. */
  OPTIONAL;

  /** "required" or "optional", as the reports and the rule listing print it, whatever the default locale. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
