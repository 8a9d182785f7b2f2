package dev.chimney.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One TCP segment as it crossed the wire, with the IPv4 addresses it travelled between. Immutable:
 * the payload is copied in and out. Sequence and acknowledgment numbers are unsigned 32-bit values.
 *
 * <p>A segment made by {@link #ofLength} keeps only its payload's length, not its bytes: offline
 * checking judges sequence space, never content, and copying every captured payload was most of
 * its allocation. Such a payload reads as zeros of that length, in {@link #payload()} and in {@link
 * #equals}, so it is the same value as a segment built with that many zero bytes. Safe to share
 * between threads.
 */
public final class TcpSegment {
  private final Endpoint source;
  private final Endpoint destination;
  private final long seq;
  private final long ack;
  private final int flags;
  private final int window;
  private final TcpOptions options;
  /** The data, or null when only its length is kept (then it reads as zeros). */
  private final byte[] payload;
  private final int payloadLength;

  /**
   * A segment carrying a copy of {@code payload}.
   *
   * @param source sender
   * @param destination receiver
   * @param seq sequence number (taken modulo 2^32)
   * @param ack acknowledgment number (meaningful when ACK is set; taken modulo 2^32)
   * @param flags the flags byte; see {@link TcpFlag}
   * @param window the raw 16-bit window field (unscaled)
   * @param options MSS and window scale, when present
   * @param payload the data; copied
   */
  public TcpSegment(Endpoint source, Endpoint destination, long seq, long ack, int flags, int window,
      TcpOptions options, byte[] payload) {
    this(source, destination, seq, ack, flags, window, options, payload.clone(), payload.length);
  }

  private TcpSegment(Endpoint source, Endpoint destination, long seq, long ack, int flags, int window,
      TcpOptions options, byte[] payload, int payloadLength) {
    this.source = Objects.requireNonNull(source, "source");
    this.destination = Objects.requireNonNull(destination, "destination");
    this.options = Objects.requireNonNull(options, "options");
    this.seq = SeqNum.mask(seq);
    this.ack = SeqNum.mask(ack);
    this.flags = flags;
    this.window = window;
    this.payload = payload;
    this.payloadLength = payloadLength;
  }

  /**
   * A segment of which only the payload's length is known or needed (check-trace builds these from
   * captured headers): its payload reads as {@code payloadLength} zero bytes.
   *
   * @throws IllegalArgumentException when {@code payloadLength} is negative
   */
  public static TcpSegment ofLength(Endpoint source, Endpoint destination, long seq, long ack, int flags,
      int window, TcpOptions options, int payloadLength) {
    if (payloadLength < 0) {
      throw new IllegalArgumentException("payload length " + payloadLength + " < 0");
    }
    return new TcpSegment(source, destination, seq, ack, flags, window, options, null, payloadLength);
  }

  /** Sender. */
  public Endpoint source() {
    return source;
  }

  /** Receiver. */
  public Endpoint destination() {
    return destination;
  }

  /** Sequence number, unsigned 32-bit. */
  public long seq() {
    return seq;
  }

  /** Acknowledgment number, unsigned 32-bit (meaningful when ACK is set). */
  public long ack() {
    return ack;
  }

  /** The flags byte; see {@link TcpFlag}. */
  public int flags() {
    return flags;
  }

  /** The raw 16-bit window field (unscaled). */
  public int window() {
    return window;
  }

  /** MSS and window scale, when present. */
  public TcpOptions options() {
    return options;
  }

  /** A copy of the data (zeros for a segment made by {@link #ofLength}). */
  public byte[] payload() {
    return payload == null ? new byte[payloadLength] : payload.clone();
  }

  /** Bytes of data. */
  public int payloadLength() {
    return payloadLength;
  }

  /** Sequence space the segment occupies: data, plus one for SYN, plus one for FIN. */
  public long seqLength() {
    return payloadLength + (has(TcpFlag.SYN) ? 1 : 0) + (has(TcpFlag.FIN) ? 1 : 0);
  }

  /** The sequence number after the segment: seq + seqLength, modulo 2^32. */
  public long seqEnd() {
    return SeqNum.add(seq, seqLength());
  }

  /** Whether {@code flag} is set. */
  public boolean has(TcpFlag flag) {
    return (flags & flag.bit()) != 0;
  }

  /** A copy with another acknowledgment number and the ACK flag set. */
  public TcpSegment withAck(long newAck) {
    return new TcpSegment(source, destination, seq, newAck, flags | TcpFlag.ACK.bit(), window, options, payload,
        payloadLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TcpSegment s
        && source.equals(s.source) && destination.equals(s.destination)
        && seq == s.seq && ack == s.ack && flags == s.flags && window == s.window
        && options.equals(s.options) && payloadLength == s.payloadLength && samePayload(payload, s.payload);
  }

  /** Same bytes, where a null (length-only) payload reads as zeros; the lengths are already equal. */
  private static boolean samePayload(byte[] x, byte[] y) {
    if (x != null && y != null) {
      return Arrays.equals(x, y);
    }
    byte[] known = x != null ? x : y;
    if (known == null) {
      return true;
    }
    for (byte b : known) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** From the length, not the bytes, so that a length-only payload hashes as its zeros would. */
  @Override
  public int hashCode() {
    return Objects.hash(source, destination, seq, ack, flags, window, options, payloadLength);
  }

  /** tcpdump-like: "192.0.2.10:40000 > 198.51.100.20:80 [SYN|ACK] seq 1 ack 2 win 65535 len 0". */
  @Override
  public String toString() {
    return source + " > " + destination + " [" + TcpFlag.describe(flags) + "] seq " + seq
        + (has(TcpFlag.ACK) ? " ack " + ack : "") + " win " + window + " len " + payloadLength;
  }
}
