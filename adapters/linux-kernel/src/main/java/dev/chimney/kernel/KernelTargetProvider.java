package dev.chimney.kernel;

import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the kernel targets share: a {@link KernelTarget} in a fresh network namespace per scenario,
 * differing only in how a graceful disconnect maps onto the socket API. Needs /dev/net/tun and
 * CAP_NET_ADMIN. They declare FORWARD only: a kernel socket has no neighbor or path objects of its
 * own to offload as a tree, no offload limit, and never asks for a connection back (STATE_TREE,
 * CONNECTION_LIMIT, TERMINATE_REQUEST and UPLOAD_ALL rules are NOT_APPLICABLE); they run on real
 * time, with threads of their own (no VIRTUAL_TIME).
 */
abstract class KernelTargetProvider implements OffloadTargetProvider {
  private final String name;
  private final String description;
  private final GracefulClose gracefulClose;

  KernelTargetProvider(String name, String description, GracefulClose gracefulClose) {
    this.name = name;
    this.description = description;
    this.gracefulClose = gracefulClose;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Set<Capability> capabilities() {
    return EnumSet.of(Capability.FORWARD);
  }

  @Override
  public final OffloadTarget create(TargetContext context) {
    return new KernelTarget(context, gracefulClose, name);
  }
}
