package dev.chimney.nic;

import dev.chimney.wire.Endpoint;
import dev.chimney.wire.TcpSegment;
import java.util.Objects;

/**
 * The 4-tuple that names an offloaded connection, seen from the target.
 *
 * @param local the target's address and port
 * @param remote the peer's address and port
 */
record ConnectionKey(Endpoint local, Endpoint remote) {
  ConnectionKey {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
  }

  /** The key of the connection an arriving segment belongs to. */
  static ConnectionKey ofInbound(TcpSegment segment) {
    return new ConnectionKey(segment.destination(), segment.source());
  }

  @Override
  public String toString() {
    return local + "<->" + remote;
  }
}
