package dev.chimney.kernel;

import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code --target linux-kernel-close}: the same kernel target with a graceful disconnect mapped to
 * {@code close()}. A real non-conformant target: the kernel answers peer data that arrives after
 * close() with an RST and resets instead of closing when data is left unread, which DSC-3 and DSC-9
 * catch.
 */
public final class LinuxKernelCloseProvider implements OffloadTargetProvider {
  /** The name users select it by. */
  public static final String NAME = "linux-kernel-close";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "The Linux kernel's TCP with graceful disconnect = close(): RSTs data after the FIN (fails DSC-3)";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.FORWARD);
  }

  @Override
  public OffloadTarget create(TargetContext context) {
    return new KernelTarget(context, GracefulClose.CLOSE, NAME);
  }
}
