package dev.chimney.trace;

import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.capture.TcpPacketDecoder;

/**
 * Names the TCP connections of a capture as {@code check-trace} does ("TCP1", "TCP2"... in order of
 * first sight, a four-tuple used again after its connection was retired getting a new name), for
 * readers that pick one connection out of a capture by the name a report gave it ({@code replay
 * --connection}). It keeps the same {@link ConnectionTable} as the trace judge and tells it the same
 * facts in the same order: retirement by capture time before each segment, the segment seen, and
 * an RST or both FINs closing the connection. Not thread-safe.
 */
public final class ConnectionNames {
  private final ConnectionTable table = new ConnectionTable(retired -> {});

  /**
   * The name of the connection that the segment {@code decoder} holds belongs to.
   *
   * @param timeNanos the segment's capture time, after the capture's first packet
   */
  public String name(TcpPacketDecoder decoder, long number, long timeNanos) {
    table.expire(timeNanos);
    boolean fromA = FlowKey.sourceFirst(decoder.sourceHigh(), decoder.sourceLow(), decoder.sourcePort(),
        decoder.destinationHigh(), decoder.destinationLow(), decoder.destinationPort());
    TraceConnection c = table.connectionOf(decoder.sourceHigh(), decoder.sourceLow(), decoder.sourcePort(),
        decoder.destinationHigh(), decoder.destinationLow(), decoder.destinationPort(), fromA, number);
    table.seen(c, timeNanos);
    int flags = decoder.flags();
    if ((flags & TcpFlag.RST.bit()) != 0 && c.rstPacket == 0) {
      c.rstPacket = number;
    }
    if ((flags & TcpFlag.FIN.bit()) != 0) {
      if (fromA) {
        c.finA = true;
      } else {
        c.finB = true;
      }
    }
    if (c.closed()) {
      table.closing(c);
    }
    return c.name;
  }

  /** How many connections have been named so far. */
  public long count() {
    return table.count();
  }
}
