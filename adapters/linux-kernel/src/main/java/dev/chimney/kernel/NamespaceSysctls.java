package dev.chimney.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The TCP settings pinned in every fresh namespace, so that a run does not depend on the machine's
 * defaults. Only per-namespace sysctls are visible from a child namespace, so writing one can never
 * change the machine's own settings; a missing one fails the target's start.
 */
final class NamespaceSysctls {
  /**
   * Name (under {@code /proc/sys/net/ipv4}) and value. Auto-corking would hold a small send back
   * while earlier data is queued, and slow start after idle would shrink the window between steps:
   * both would make segment boundaries depend on timing. Metrics are not cached between
   * connections of a namespace. Tail-loss probes (3, the default) and RTO retries stay as shipped.
   */
  static final Map<String, String> PINNED = Map.of(
      "tcp_autocorking", "0",
      "tcp_slow_start_after_idle", "0",
      "tcp_no_metrics_save", "1",
      "tcp_early_retrans", "3",
      "tcp_retries2", "15",
      "tcp_window_scaling", "1");

  private static final Path IPV4 = Path.of("/proc/sys/net/ipv4");
  /**
   * IPv6 off for devices made from now on: the link is IPv4 only, and a device with IPv6 sends
   * router solicitations and MLD reports the moment it comes up. Absent when the kernel has no IPv6.
   */
  private static final Path IPV6_DEFAULT_DISABLE = Path.of("/proc/sys/net/ipv6/conf/default/disable_ipv6");

  private NamespaceSysctls() {}

  /** Turns IPv6 off for the devices made after it in the calling thread's namespace. */
  static void disableIpv6() {
    if (Files.exists(IPV6_DEFAULT_DISABLE)) {
      try {
        Files.writeString(IPV6_DEFAULT_DISABLE, "1");
      } catch (IOException ex) {
        throw new UncheckedIOException("disabling IPv6 in the namespace", ex);
      }
    }
  }

  /** Writes {@link #PINNED} into the calling thread's namespace. */
  static void pin() {
    for (Map.Entry<String, String> e : PINNED.entrySet()) {
      try {
        Files.writeString(IPV4.resolve(e.getKey()), e.getValue());
      } catch (IOException ex) {
        throw new UncheckedIOException("pinning net.ipv4." + e.getKey() + "=" + e.getValue(), ex);
      }
    }
  }
}
