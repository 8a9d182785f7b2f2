package dev.chimney.spi;

import java.util.Set;

/**
 * The entry point of a target's jar, found through {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.chimney.spi.OffloadTargetProvider}. It needs
 * a public no-argument constructor, which must be cheap and must not fail: the harness creates
 * every provider on the path to list them.
 */
public interface OffloadTargetProvider {
  /** The name users select it by ({@code --target NAME}): lower case, digits and dashes. */
  String name();

  /** One line saying what the target is. */
  String description();

  /**
   * The optional parts of the contract it supports. Rules that need one it lacks are reported
   * NOT_APPLICABLE, with the missing capability as the reason.
   */
  Set<Capability> capabilities();

  /**
   * Creates one adapter for one scenario. Called on the host thread before any other call.
   *
   * @param context what the harness gives the target; never null
   * @return a target ready for {@link OffloadTarget#initiateOffload}
   * @throws Exception if the target cannot start; the scenario fails with it as the reason
   */
  OffloadTarget create(TargetContext context) throws Exception;
}
