package dev.chimney.spi;

/**
 * The host's handle for one offloaded state object ({@code NdisOffloadHandle}). The host puts one
 * in every {@link OffloadBlockList}; the target passes it back in the upcalls that concern that
 * object. Opaque to the target: compare it by identity, never build one.
 */
public final class NdisOffloadHandle {
  private final String name;

  /** For the host only. */
  public NdisOffloadHandle(String name) {
    this.name = name;
  }

  /** The host's name for the object, for logs: "TCP1", "Path2". */
  @Override
  public String toString() {
    return name;
  }
}
