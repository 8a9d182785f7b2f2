package dev.chimney.kernel;

import dev.chimney.spi.Capability;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code --target linux-kernel}: the machine's own kernel TCP, in a fresh network namespace per
 * scenario, a graceful disconnect mapped to {@code shutdown(SHUT_WR)}. Needs /dev/net/tun and
 * CAP_NET_ADMIN. It declares FORWARD only: a kernel socket has no neighbor or path objects of its own
 * to offload as a tree, no offload limit, and never asks for a connection back (STATE_TREE,
 * CONNECTION_LIMIT, TERMINATE_REQUEST and UPLOAD_ALL rules are NOT_APPLICABLE); it runs on real
 * time, with threads of its own (no VIRTUAL_TIME).
 */
public final class LinuxKernelProvider implements OffloadTargetProvider {
  /** The name users select it by. */
  public static final String NAME = "linux-kernel";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "The Linux kernel's TCP through a TUN device and TCP_REPAIR; graceful disconnect = shutdown(SHUT_WR)";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.FORWARD);
  }

  @Override
  public OffloadTarget create(TargetContext context) {
    return new KernelTarget(context, GracefulClose.SHUTDOWN, NAME);
  }
}
