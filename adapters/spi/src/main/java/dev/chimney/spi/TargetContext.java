package dev.chimney.spi;

import java.net.Inet4Address;
import java.util.Map;

/**
 * What the harness gives a target it creates.
 *
 * @param host the host's side of the interface; never null
 * @param link the target's port on the wire; never null
 * @param clock time and deferred work; never null
 * @param localAddress the target's IPv4 address on the link; never null
 * @param settings named settings for this scenario (see the constants here); never null
 */
public record TargetContext(
    OffloadHost host, Link link, TargetClock clock, Inet4Address localAddress, Map<String, String> settings) {

  /**
   * Setting: how many TCP connections the target may hold offloaded at once; beyond that, initiate
   * fails the TCP object with {@link NdisStatus#RESOURCES}. Honoured by targets declaring {@link
   * Capability#CONNECTION_LIMIT}; absent means no limit.
   */
  public static final String MAX_OFFLOADED_CONNECTIONS = "chimney.max-offloaded-connections";

  /** The setting {@code name}, or {@code fallback} when absent. */
  public String setting(String name, String fallback) {
    return settings.getOrDefault(name, fallback);
  }
}
