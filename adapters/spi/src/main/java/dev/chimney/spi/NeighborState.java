package dev.chimney.spi;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * Neighbor state (NEIGHBOR_OFFLOAD_STATE_*). The link is raw IP, so a neighbor is its next-hop
 * address; there is no link-layer address to cache.
 *
 * @param neighborAddress the next hop's IPv4 address; never null
 */
public record NeighborState(Inet4Address neighborAddress) implements OffloadState {
  public NeighborState {
    Objects.requireNonNull(neighborAddress, "neighborAddress");
  }

  @Override
  public OffloadStateType type() {
    return OffloadStateType.NEIGHBOR;
  }
}
