package dev.chimney.host;

import dev.chimney.spi.OffloadTargetProvider;
import java.nio.file.Path;
import java.util.List;

/**
 * The offload targets found through {@link java.util.ServiceLoader} on the class path and in the
 * jars of {@code --adapter-path}.
 */
public final class TargetRegistry {
  private TargetRegistry() {}

  /**
   * Finds every provider.
   *
   * @param adapterPath extra jars (or folders of jars) to search; may be empty
   * @throws TargetRegistryException with a one-line message for a missing or broken jar or a
   *     provider that fails to load
   */
  public static TargetRegistry discover(List<Path> adapterPath) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Every provider found, by name. */
  public List<Found> targets() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The provider named {@code name}.
   *
   * @throws TargetRegistryException "unknown target 'x' (known: a, b)"
   */
  public OffloadTargetProvider get(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A provider and where it was found (a jar path, or "class path"). */
  public record Found(OffloadTargetProvider provider, String source) {}
}
