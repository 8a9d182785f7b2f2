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
    long srcHigh = decoder.sourceHigh();
    long srcLow = decoder.sourceLow();
    long dstHigh = decoder.destinationHigh();
    long dstLow = decoder.destinationLow();
    int sp = decoder.sourcePort();
    int dp = decoder.destinationPort();
    table.expire(timeNanos);
    boolean fromA = FlowKey.sourceFirst(srcHigh, srcLow, sp, dstHigh, dstLow, dp);
    TraceConnection c = fromA ? table.get(srcHigh, srcLow, dstHigh, dstLow, FlowKey.ports(sp, dp))
        : table.get(dstHigh, dstLow, srcHigh, srcLow, FlowKey.ports(dp, sp));
    if (c == null) {
      IpAddress src = new IpAddress(srcHigh, srcLow);
      IpAddress dst = new IpAddress(dstHigh, dstLow);
      FlowKey key = FlowKey.of(src, sp, dst, dp);
      c = fromA ? table.open(key, src, sp, dst, dp, number) : table.open(key, dst, dp, src, sp, number);
    }
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
