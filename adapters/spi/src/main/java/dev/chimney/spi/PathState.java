package dev.chimney.spi;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * Path state (PATH_OFFLOAD_STATE_*).
 *
 * @param sourceAddress constant: the local (target's) IPv4 address; a target cannot offload a path
 *     whose source is not one of its addresses, and fails it with {@link NdisStatus#FAILURE}
 * @param destinationAddress constant: the remote IPv4 address
 * @param pathMtu cached: the path MTU in bytes
 */
public record PathState(Inet4Address sourceAddress, Inet4Address destinationAddress, int pathMtu)
    implements OffloadState {
  public PathState {
    Objects.requireNonNull(sourceAddress, "sourceAddress");
    Objects.requireNonNull(destinationAddress, "destinationAddress");
  }

  @Override
  public OffloadStateType type() {
    return OffloadStateType.PATH;
  }
}
