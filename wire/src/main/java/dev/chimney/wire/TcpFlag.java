package dev.chimney.wire;

/** TCP header flags, with their bit in the flags byte. */
public enum TcpFlag {
  FIN(0x01), SYN(0x02), RST(0x04), PSH(0x08), ACK(0x10), URG(0x20), ECE(0x40), CWR(0x80);

  private final int bit;

  TcpFlag(int bit) {
    this.bit = bit;
  }

  /** The bit in the flags byte. */
  public int bit() {
    return bit;
  }

  /** The flags byte with every one of {@code flags} set. */
  public static int mask(TcpFlag... flags) {
    int m = 0;
    for (TcpFlag f : flags) {
      m |= f.bit;
    }
    return m;
  }

  /** "SYN|ACK" style text for a flags byte, in wire order. */
  public static String describe(int flags) {
    StringBuilder sb = new StringBuilder();
    for (TcpFlag f : values()) {
      if ((flags & f.bit) != 0) {
        sb.append(sb.length() == 0 ? "" : "|").append(f.name());
      }
    }
    return sb.length() == 0 ? "none" : sb.toString();
  }
}
