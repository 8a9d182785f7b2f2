package dev.chimney.replay;

import dev.chimney.wire.TcpFlag;

/**
 * One TCP segment of the replayed connection, as the capture holds it. Immutable.
 *
 * @param number the packet's number in the capture, from 1 as Wireshark numbers them
 * @param offsetNanos when it was captured, after the capture's first packet
 * @param fromTarget true for the offload target's segments, false for the peer's
 * @param seq the sequence number, absolute
 * @param ack the acknowledgment number, absolute (meaningful with ACK)
 * @param flags the flags byte ({@link TcpFlag#mask})
 * @param window the window field, unscaled
 * @param payloadLength the data bytes it carried (its original length, even when the snap length cut it)
 * @param handshake true for the SYN, the SYN-ACK and the ACK that completes the handshake
 */
public record RecordedPacket(long number, long offsetNanos, boolean fromTarget, long seq, long ack, int flags,
    int window, int payloadLength, boolean handshake) {

  /** True when {@code flag} is set. */
  public boolean has(TcpFlag flag) {
    return (flags & flag.bit()) != 0;
  }
}
