package dev.chimney.nic;

import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * The service entry of the bundled reference NIC, {@code --target reference-nic}: a correct
 * target, with every capability, on the harness's virtual clock.
 */
public final class ReferenceNicProvider implements OffloadTargetProvider {
  /** The name users select it by. */
  public static final String NAME = "reference-nic";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Bundled reference NIC: a TCP engine obeying every target rule, on the virtual clock";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public OffloadTarget create(TargetContext context) {
    return new ReferenceNic(context);
  }
}
