package dev.chimney.kernel;

/**
 * {@code --target linux-kernel}: the machine's own kernel TCP, a graceful disconnect mapped to
 * {@code shutdown(SHUT_WR)}. See {@link KernelTargetProvider} for what it needs and declares.
 */
public final class LinuxKernelProvider extends KernelTargetProvider {
  /** The name users select it by. */
  public static final String NAME = "linux-kernel";

  public LinuxKernelProvider() {
    super(NAME, "The Linux kernel's TCP through a TUN device and TCP_REPAIR; graceful disconnect = shutdown(SHUT_WR)",
        GracefulClose.SHUTDOWN);
  }
}
