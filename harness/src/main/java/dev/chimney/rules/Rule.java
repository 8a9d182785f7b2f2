package dev.chimney.rules;

import dev.chimney.spi.Capability;
import java.util.Set;

/**
 * One rule of the catalogue.
 *
 * @param id stable ID, e.g. "DSC-3"
 * @param area the section it comes from, e.g. "Disconnect"
 * @param text the rule as the catalogue states it
 * @param binds who must obey it: "target", "host", or both
 * @param seenOn where it shows: "api", "wire", or both
 * @param level required or optional
 * @param requires the capability a target needs for the rule to apply, or null when every target must obey it
 */
public record Rule(String id, String area, String text, Set<String> binds, Set<String> seenOn,
    Level level, Capability requires) {

  /** True when the target must obey it. */
  public boolean bindsTarget() {
    return binds.contains("target");
  }

  /** True when a target declaring {@code capabilities} must obey it: it needs no capability, or one declared. */
  public boolean appliesTo(Set<Capability> capabilities) {
    return requires == null || capabilities.contains(requires);
  }

  /** True when the harness, as host, must obey it. */
  public boolean bindsHost() {
    return binds.contains("host");
  }
}
