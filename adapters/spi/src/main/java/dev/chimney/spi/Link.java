package dev.chimney.spi;

/**
 * The target's port on the wire, owned by the harness, which captures every packet on it. The
 * link is raw IPv4: no link-layer header.
 */
public interface Link {
  /**
   * Puts {@code ipPacket} on the wire towards the peer. Any thread.
   *
   * @param ipPacket a whole IPv4 packet with valid IP and TCP checksums; the harness copies it
   */
  void transmit(byte[] ipPacket);
}
