package dev.chimney.faulty;

import dev.chimney.nic.ReferenceNicProvider;
import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.Set;

/**
 * A faulty target's provider: the reference NIC's capabilities, and a name that says which rule it
 * breaks. Listed in {@code META-INF/services/dev.chimney.spi.OffloadTargetProvider} like any
 * target; the harness creates it once and calls {@link #create} once per scenario, on the host
 * thread. Immutable.
 *
 * <p>Names: {@code faulty:RULE-ID} for the plain fault of a rule, {@code faulty:RULE-ID:variant}
 * for a subtle one that shows only in some states.
 */
public abstract class Fault implements OffloadTargetProvider {
  /** What every faulty target's name starts with. */
  public static final String PREFIX = "faulty:";

  private final OffloadTargetProvider reference = new ReferenceNicProvider();
  private final String rule;
  private final String variant;
  private final String breaks;

  /**
   * @param rule the ID of the rule the fault breaks ("DSC-3")
   * @param variant the state the fault is limited to ("three-outstanding"), or null for the plain fault
   * @param breaks what the target does wrong, completing "the reference NIC, except that it ..."
   */
  protected Fault(String rule, String variant, String breaks) {
    this.rule = rule;
    this.variant = variant;
    this.breaks = breaks;
  }

  /** The ID of the rule this target breaks. */
  public final String rule() {
    return rule;
  }

  @Override
  public final String name() {
    return PREFIX + rule + (variant == null ? "" : ":" + variant);
  }

  @Override
  public final String description() {
    return "Faulty for " + rule + ": the reference NIC, except that it " + breaks;
  }

  @Override
  public final Set<Capability> capabilities() {
    return reference.capabilities();
  }

  /** A reference NIC with this fault interposed, for one scenario. */
  @Override
  public final OffloadTarget create(TargetContext context) throws Exception {
    Interposer interposer = interposer();
    interposer.attach(context, reference);
    return interposer;
  }

  /** A fresh interposer, holding this fault's state for one scenario. */
  protected abstract Interposer interposer();
}
