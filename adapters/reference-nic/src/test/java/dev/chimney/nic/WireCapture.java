package dev.chimney.nic;

import dev.chimney.spi.Link;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.List;

/** The target's side of the link in tests: decodes and keeps every packet the target transmits. */
final class WireCapture implements Link {
  private final List<TcpSegment> sent = new ArrayList<>();

  @Override
  public void transmit(byte[] ipPacket) {
    try {
      sent.add(SegmentCodec.decode(ipPacket));
    } catch (MalformedPacketException e) {
      throw new AssertionError("the target transmitted a malformed packet #" + (sent.size() + 1) + ": " + e.getMessage(), e);
    }
  }

  /** Every segment the target sent, in order: packet n is at index n - 1. */
  List<TcpSegment> sent() {
    return sent;
  }

  /** How many segments were sent so far: a mark for {@link #sentSince}. */
  int mark() {
    return sent.size();
  }

  /** The segments sent after {@code mark}. */
  List<TcpSegment> sentSince(int mark) {
    return sent.subList(mark, sent.size());
  }

  /** "packet #n: segment", for failure messages. */
  String describe(TcpSegment segment) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      if (sent.get(i) == segment) {
        return "packet #" + (i + 1) + ": " + segment;
      }
    }
    return "segment not sent by the target: " + segment;
  }
}
