package dev.chimney.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Test segments between the conventional target (192.0.2.10) and path-1 peer (198.51.100.20). */
final class Segments {
  static final Endpoint TARGET = endpoint("192.0.2.10", 40000);
  static final Endpoint PEER = endpoint("198.51.100.20", 80);
  static final int IP_ID = 0x1234;
  static final int TTL = 64;

  private Segments() {}

  static TcpSegment segment(long seq, long ack, int flags, TcpOptions options, byte[] payload) {
    return new TcpSegment(TARGET, PEER, seq, ack, flags, 65535, options, payload);
  }

  static TcpSegment data(long seq, String text) {
    return segment(seq, 1, TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH), TcpOptions.NONE,
        text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  static byte[] encode(TcpSegment segment) {
    return SegmentCodec.encode(segment, IP_ID, TTL);
  }

  static Endpoint endpoint(String address, int port) {
    try {
      return new Endpoint((Inet4Address) InetAddress.getByName(address), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
