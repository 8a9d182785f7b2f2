package dev.chimney.rules;

/** A rule's verdict. Nothing that was not checked is PASS. */
public enum Verdict {
  /** Exercised at least once, never violated. */
  PASS,
  /** Violated at least once; the evidence says where. */
  FAIL,
  /** Applicable, but no scenario that ran exercised it. */
  NOT_EXERCISED,
  /** The target declared it lacks the optional capability the rule needs; the reason says which. */
  NOT_APPLICABLE
}
