package dev.chimney.trace;

/**
 * A TCP connection's four-tuple, the same whichever way a packet goes: the endpoint that sorts
 * first is "a". Built once per packet to find the connection, so it is four longs and an int.
 */
record FlowKey(long aHigh, long aLow, long bHigh, long bLow, int ports) {
  /** The key of a packet from {@code src}:{@code srcPort} to {@code dst}:{@code dstPort}. */
  static FlowKey of(IpAddress src, int srcPort, IpAddress dst, int dstPort) {
    return sourceFirst(src, srcPort, dst, dstPort)
        ? new FlowKey(src.high(), src.low(), dst.high(), dst.low(), srcPort << 16 | dstPort)
        : new FlowKey(dst.high(), dst.low(), src.high(), src.low(), dstPort << 16 | srcPort);
  }

  /** True when the source endpoint is "a" of the key. */
  static boolean sourceFirst(IpAddress src, int srcPort, IpAddress dst, int dstPort) {
    int c = Long.compareUnsigned(src.high(), dst.high());
    if (c == 0) {
      c = Long.compareUnsigned(src.low(), dst.low());
    }
    return c < 0 || (c == 0 && srcPort <= dstPort);
  }
}
