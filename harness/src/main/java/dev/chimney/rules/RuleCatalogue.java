package dev.chimney.rules;

import java.util.List;
import java.util.Optional;

/** The rules of the specification, loaded from the catalogue resource shipped in the harness jar. */
public final class RuleCatalogue {
  private RuleCatalogue() {}

  /** The catalogue shipped with the harness. */
  public static RuleCatalogue load() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Every rule, in catalogue order. */
  public List<Rule> rules() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The rule with that ID. */
  public Optional<Rule> find(String id) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The rules matching a comma-separated selection of IDs and prefixes with a star ("DSC-3,TOC-*").
   *
   * @throws IllegalArgumentException naming the first entry that matches no rule
   */
  public List<Rule> select(String selection) {
    throw new UnsupportedOperationException("TODO");
  }
}
