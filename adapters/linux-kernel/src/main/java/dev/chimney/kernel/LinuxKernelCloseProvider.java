package dev.chimney.kernel;

/**
 * {@code --target linux-kernel-close}: the same kernel target with a graceful disconnect mapped to
 * {@code close()}. A real non-conformant target: the kernel answers peer data that arrives after
 * close() with an RST and resets instead of closing when data is left unread, which DSC-3 and DSC-9
 * catch.
 */
public final class LinuxKernelCloseProvider extends KernelTargetProvider {
  /** The name users select it by. */
  public static final String NAME = "linux-kernel-close";

  public LinuxKernelCloseProvider() {
    super(NAME, "The Linux kernel's TCP with graceful disconnect = close(): RSTs data after the FIN (fails DSC-3)",
        GracefulClose.CLOSE);
  }
}
