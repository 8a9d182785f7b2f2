package dev.chimney.wire;

import java.net.Inet4Address;
import java.util.Objects;

/** One end of a TCP connection: an IPv4 address and a port. */
public record Endpoint(Inet4Address address, int port) {
  public Endpoint {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return address.getHostAddress() + ":" + port;
  }
}
