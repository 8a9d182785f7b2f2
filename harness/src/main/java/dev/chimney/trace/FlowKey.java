package dev.chimney.trace;

/**
 * A TCP connection's four-tuple, the same whichever way a packet goes: the endpoint that sorts
 * first is "a". Kept once per connection; packets are matched against it field by field in {@link
 * FlowIndex}, without building a key per packet. Its hash mixes every bit (the record's default
 * hash lets IPv4 keys that differ only in the peer's address and port collide in a busy capture).
 */
record FlowKey(long aHigh, long aLow, long bHigh, long bLow, int ports) {
  /** The 64-bit golden-ratio multiplier: spreads nearby addresses and ports over the whole hash. */
  private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

  /** The key of a packet from {@code src}:{@code srcPort} to {@code dst}:{@code dstPort}. */
  static FlowKey of(IpAddress src, int srcPort, IpAddress dst, int dstPort) {
    return sourceFirst(src.high(), src.low(), srcPort, dst.high(), dst.low(), dstPort)
        ? new FlowKey(src.high(), src.low(), dst.high(), dst.low(), ports(srcPort, dstPort))
        : new FlowKey(dst.high(), dst.low(), src.high(), src.low(), ports(dstPort, srcPort));
  }

  /** True when the source endpoint (address as two longs, see {@link IpAddress}) is "a" of the key. */
  static boolean sourceFirst(long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow, int dstPort) {
    int c = Long.compareUnsigned(srcHigh, dstHigh);
    if (c == 0) {
      c = Long.compareUnsigned(srcLow, dstLow);
    }
    return c < 0 || (c == 0 && srcPort <= dstPort);
  }

  /** Both ports in one int, "a"'s first. */
  static int ports(int aPort, int bPort) {
    return aPort << 16 | bPort;
  }

  /** True when this is the key with these fields. */
  boolean is(long aHigh, long aLow, long bHigh, long bLow, int ports) {
    return this.aLow == aLow && this.bLow == bLow && this.ports == ports && this.aHigh == aHigh
        && this.bHigh == bHigh;
  }

  /** The hash of the key with these fields, computed without building it. */
  static int hash(long aHigh, long aLow, long bHigh, long bLow, int ports) {
    long h = aLow * MIX;
    h = (h ^ bLow) * MIX;
    h = (h ^ ports) * MIX;
    h = (h ^ aHigh ^ (bHigh << 1)) * MIX;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k && k.is(aHigh, aLow, bHigh, bLow, ports);
  }

  @Override
  public int hashCode() {
    return hash(aHigh, aLow, bHigh, bLow, ports);
  }
}
