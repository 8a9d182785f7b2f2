package dev.chimney.nic;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TcpState;
import dev.chimney.wire.Endpoint;

/**
 * The constants of one offloaded connection, from its TCP state and its path's.
 *
 * @param key the 4-tuple
 * @param handle the host's handle for the TCP object
 * @param mss the largest payload the target sends: the peer's MSS, capped by the path MTU
 * @param sndWindScale the shift applied to the peer's window field
 * @param rcvWindScale the shift applied to the window the target advertises
 * @param initialRcvWnd the receive window the host cached, in bytes
 */
record ConnectionConfig(
    ConnectionKey key, NdisOffloadHandle handle, int mss, int sndWindScale, int rcvWindScale,
    int initialRcvWnd) {

  /** IPv4 and TCP headers without options: what a segment adds to its payload. */
  static final int IPV4_TCP_HEADER_BYTES = 40;

  /** The MTU assumed when a path carries none: Ethernet's. */
  static final int DEFAULT_PATH_MTU = 1500;

  /** The connection of {@code tcp}, a dependent of {@code path}. */
  static ConnectionConfig of(TcpState tcp, PathState path, NdisOffloadHandle handle) {
    ConnectionKey key = new ConnectionKey(
        new Endpoint(path.sourceAddress(), tcp.localPort()),
        new Endpoint(path.destinationAddress(), tcp.remotePort()));
    int mtu = path.pathMtu() > IPV4_TCP_HEADER_BYTES ? path.pathMtu() : DEFAULT_PATH_MTU;
    int pathMss = mtu - IPV4_TCP_HEADER_BYTES;
    int mss = tcp.remoteMss() > 0 ? Math.min(tcp.remoteMss(), pathMss) : pathMss;
    return new ConnectionConfig(key, handle, mss, tcp.sndWindScale(), tcp.rcvWindScale(), tcp.initialRcvWnd());
  }
}
