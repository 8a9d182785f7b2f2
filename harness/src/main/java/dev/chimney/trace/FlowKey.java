package dev.chimney.trace;

/**
 * A TCP connection's four-tuple, the same whichever way a packet goes: the endpoint that sorts
 * first is "a". Built once per packet to find the connection, so it is four longs and an int, with
 * a hash that mixes every bit (the record's default hash lets IPv4 keys that differ only in the
 * peer's address and port collide in a busy capture).
 */
record FlowKey(long aHigh, long aLow, long bHigh, long bLow, int ports) {
  /** The 64-bit golden-ratio multiplier: spreads nearby addresses and ports over the whole hash. */
  private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

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

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k && aLow == k.aLow && bLow == k.bLow && ports == k.ports
        && aHigh == k.aHigh && bHigh == k.bHigh;
  }

  @Override
  public int hashCode() {
    long h = aLow * MIX;
    h = (h ^ bLow) * MIX;
    h = (h ^ ports) * MIX;
    h = (h ^ aHigh ^ (bHigh << 1)) * MIX;
    return (int) (h ^ (h >>> 32));
  }
}
