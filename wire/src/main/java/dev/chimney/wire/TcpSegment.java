package dev.chimney.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One TCP segment as it crossed the wire, with the IPv4 addresses it travelled between. Immutable:
 * the payload is copied in and out. Sequence and acknowledgment numbers are unsigned 32-bit values.
 *
 * @param source sender
 * @param destination receiver
 * @param seq sequence number
 * @param ack acknowledgment number (meaningful when ACK is set)
 * @param flags the flags byte; see {@link TcpFlag}
 * @param window the raw 16-bit window field (unscaled)
 * @param options MSS and window scale, when present
 * @param payload the data
 */
public record TcpSegment(
    Endpoint source, Endpoint destination, long seq, long ack, int flags, int window,
    TcpOptions options, byte[] payload) {

  public TcpSegment {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(options, "options");
    payload = payload.clone();
    seq &= 0xFFFF_FFFFL;
    ack &= 0xFFFF_FFFFL;
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** Bytes of data. */
  public int payloadLength() {
    return payload.length;
  }

  /** Sequence space the segment occupies: data, plus one for SYN, plus one for FIN. */
  public long seqLength() {
    return payload.length + (has(TcpFlag.SYN) ? 1 : 0) + (has(TcpFlag.FIN) ? 1 : 0);
  }

  /** The sequence number after the segment: seq + seqLength, modulo 2^32. */
  public long seqEnd() {
    return (seq + seqLength()) & 0xFFFF_FFFFL;
  }

  /** Whether {@code flag} is set. */
  public boolean has(TcpFlag flag) {
    return (flags & flag.bit()) != 0;
  }

  /** A copy with another acknowledgment number and the ACK flag set. */
  public TcpSegment withAck(long newAck) {
    return new TcpSegment(source, destination, seq, newAck, flags | TcpFlag.ACK.bit(), window, options, payload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TcpSegment s
        && source.equals(s.source) && destination.equals(s.destination)
        && seq == s.seq && ack == s.ack && flags == s.flags && window == s.window
        && options.equals(s.options) && Arrays.equals(payload, s.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, destination, seq, ack, flags, window, options, Arrays.hashCode(payload));
  }

  /** tcpdump-like: "192.0.2.10:40000 > 198.51.100.20:80 [SYN|ACK] seq 1 ack 2 win 65535 len 0". */
  @Override
  public String toString() {
    return source + " > " + destination + " [" + TcpFlag.describe(flags) + "] seq " + seq
        + (has(TcpFlag.ACK) ? " ack " + ack : "") + " win " + window + " len " + payload.length;
  }
}
