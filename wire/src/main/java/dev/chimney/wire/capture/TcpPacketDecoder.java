package dev.chimney.wire.capture;

/**
 * Finds the TCP segment in a captured record, in place: link header (Ethernet with VLAN tags, raw
 * IP, Linux cooked SLL and SLL2), IPv4 or IPv6 (with its extension headers), then the fixed TCP
 * header. Lengths come from the IP header, not from what was captured, so a record cut by the snap
 * length is judged whole as long as its headers were captured, and a segment larger than the MTU
 * (captured before segmentation offload split it) is taken as it is. IPv4 and IPv6 total lengths of
 * zero (segmentation offload, jumbograms) are read as "up to the end of the packet".
 *
 * <p>One decoder per reader; {@link #decode} overwrites the previous result. Not thread-safe.
 */
public final class TcpPacketDecoder {
  /** What a record turned out to be. */
  public enum Outcome {
    /** A TCP segment: the fields of the decoder hold it. */
    TCP,
    /** Not IP, or IP carrying something other than TCP, or a non-first fragment. */
    NOT_TCP,
    /** The snap length cut it inside the link, IP or TCP header: nothing to judge. */
    HEADERS_CUT,
    /** Its headers contradict themselves (a length shorter than the header). */
    MALFORMED
  }

  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86DD;
  private static final int ETHERTYPE_VLAN = 0x8100;
  private static final int ETHERTYPE_QINQ = 0x88A8;
  private static final int ETHERTYPE_QINQ_OLD = 0x9100;
  private static final int ETHERNET_HEADER = 14;
  private static final int VLAN_TAG = 4;
  private static final int SLL_HEADER = 16;
  private static final int SLL_PROTOCOL_AT = 14;
  private static final int SLL2_HEADER = 20;
  private static final int IPV4_MIN_HEADER = 20;
  private static final int IPV6_HEADER = 40;
  private static final int TCP_MIN_HEADER = 20;
  private static final int PROTO_TCP = 6;
  private static final int IPV6_HOP_BY_HOP = 0;
  private static final int IPV6_ROUTING = 43;
  private static final int IPV6_FRAGMENT = 44;
  private static final int IPV6_DESTINATION = 60;
  private static final int IPV4_FRAGMENT_OFFSET_MASK = 0x1FFF;
  /** Extension headers followed before giving up: more is a malformed or hostile packet. */
  private static final int MAX_IPV6_EXTENSIONS = 8;
  /** An IPv4 address in IPv6 form, ::ffff:a.b.c.d: the prefix in the low half. */
  private static final long IPV4_MAPPED = 0x0000_FFFF_0000_0000L;

  private int ipVersion;
  private long sourceHigh;
  private long sourceLow;
  private long destinationHigh;
  private long destinationLow;
  private int sourcePort;
  private int destinationPort;
  private long seq;
  private long ack;
  private int flags;
  private int window;
  private int payloadLength;

  /**
   * Decodes {@code r}.
   *
   * @return TCP when the fields now hold its segment; otherwise why not, and the fields are stale
   */
  public Outcome decode(CaptureRecord r) {
    byte[] b = r.data();
    int at = r.offset();
    int end = at + r.capturedLength();
    long wireEnd = at + r.originalLength();
    int etherType;
    switch (r.linkType()) {
      case ETHERNET -> {
        if (end - at < ETHERNET_HEADER) {
          return Outcome.HEADERS_CUT;
        }
        at += 12;
        etherType = u16(b, at);
        at += 2;
        while (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ || etherType == ETHERTYPE_QINQ_OLD) {
          if (end - at < VLAN_TAG) {
            return Outcome.HEADERS_CUT;
          }
          etherType = u16(b, at + 2);
          at += VLAN_TAG;
        }
      }
      case LINUX_SLL -> {
        if (end - at < SLL_HEADER) {
          return Outcome.HEADERS_CUT;
        }
        etherType = u16(b, at + SLL_PROTOCOL_AT);
        at += SLL_HEADER;
      }
      case LINUX_SLL2 -> {
        if (end - at < SLL2_HEADER) {
          return Outcome.HEADERS_CUT;
        }
        etherType = u16(b, at);
        at += SLL2_HEADER;
      }
      default -> {
        if (end - at < 1) {
          return Outcome.HEADERS_CUT;
        }
        etherType = (b[at] & 0xF0) == 0x60 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
      }
    }
    if (etherType == ETHERTYPE_IPV4) {
      return ipv4(b, at, end, wireEnd);
    }
    if (etherType == ETHERTYPE_IPV6) {
      return ipv6(b, at, end, wireEnd);
    }
    return Outcome.NOT_TCP;
  }

  private Outcome ipv4(byte[] b, int at, int end, long wireEnd) {
    if (end - at < IPV4_MIN_HEADER) {
      return Outcome.HEADERS_CUT;
    }
    if ((b[at] & 0xF0) != 0x40) {
      return Outcome.NOT_TCP;
    }
    int headerLength = (b[at] & 0x0F) * 4;
    int total = u16(b, at + 2);
    if (headerLength < IPV4_MIN_HEADER) {
      return Outcome.MALFORMED;
    }
    if (b[at + 9] != PROTO_TCP || (u16(b, at + 6) & IPV4_FRAGMENT_OFFSET_MASK) != 0) {
      return Outcome.NOT_TCP;
    }
    long ipEnd = total == 0 ? wireEnd : at + (long) total;
    if (ipEnd < at + headerLength) {
      return Outcome.MALFORMED;
    }
    ipVersion = 4;
    sourceHigh = 0;
    sourceLow = IPV4_MAPPED | u32(b, at + 12);
    destinationHigh = 0;
    destinationLow = IPV4_MAPPED | u32(b, at + 16);
    return tcp(b, at + headerLength, end, ipEnd);
  }

  private Outcome ipv6(byte[] b, int at, int end, long wireEnd) {
    if (end - at < IPV6_HEADER) {
      return Outcome.HEADERS_CUT;
    }
    if ((b[at] & 0xF0) != 0x60) {
      return Outcome.NOT_TCP;
    }
    int payload = u16(b, at + 4);
    int next = b[at + 6] & 0xFF;
    long ipEnd = payload == 0 ? wireEnd : at + IPV6_HEADER + (long) payload;
    sourceHigh = u64(b, at + 8);
    sourceLow = u64(b, at + 16);
    destinationHigh = u64(b, at + 24);
    destinationLow = u64(b, at + 32);
    int o = at + IPV6_HEADER;
    for (int i = 0; next != PROTO_TCP; i++) {
      if (i == MAX_IPV6_EXTENSIONS) {
        return Outcome.MALFORMED;
      }
      if (next != IPV6_HOP_BY_HOP && next != IPV6_ROUTING && next != IPV6_DESTINATION && next != IPV6_FRAGMENT) {
        return Outcome.NOT_TCP;
      }
      if (end - o < 8) {
        return Outcome.HEADERS_CUT;
      }
      if (next == IPV6_FRAGMENT && (u16(b, o + 2) & 0xFFF8) != 0) {
        return Outcome.NOT_TCP;
      }
      int length = next == IPV6_FRAGMENT ? 8 : ((b[o + 1] & 0xFF) + 1) * 8;
      next = b[o] & 0xFF;
      o += length;
    }
    if (ipEnd < o) {
      return Outcome.MALFORMED;
    }
    ipVersion = 6;
    return tcp(b, o, end, ipEnd);
  }

  private Outcome tcp(byte[] b, int at, int end, long ipEnd) {
    if (end - at < TCP_MIN_HEADER) {
      return Outcome.HEADERS_CUT;
    }
    int headerLength = ((b[at + 12] & 0xF0) >> 4) * 4;
    if (headerLength < TCP_MIN_HEADER || ipEnd - at < headerLength) {
      return Outcome.MALFORMED;
    }
    sourcePort = u16(b, at);
    destinationPort = u16(b, at + 2);
    seq = u32(b, at + 4);
    ack = u32(b, at + 8);
    flags = b[at + 13] & 0xFF;
    window = u16(b, at + 14);
    payloadLength = (int) Math.min(Integer.MAX_VALUE, ipEnd - at - headerLength);
    return Outcome.TCP;
  }

  /** Network byte order, through the readers' own field access. */
  private static int u16(byte[] b, int at) {
    return ByteWindow.uint16(b, at, true);
  }

  private static long u32(byte[] b, int at) {
    return ByteWindow.uint32(b, at, true);
  }

  private static long u64(byte[] b, int at) {
    return u32(b, at) << 32 | u32(b, at + 4);
  }

  /** 4 or 6. */
  public int ipVersion() {
    return ipVersion;
  }

  /**
   * The first 8 bytes of the source address in its IPv6 form, an IPv4 address taken as
   * ::ffff:a.b.c.d (so 0 for IPv4): with {@link #sourceLow()}, a key for both families that is
   * read without copying or allocating.
   */
  public long sourceHigh() {
    return sourceHigh;
  }

  /** The last 8 bytes of the source address in its IPv6 form (see {@link #sourceHigh()}). */
  public long sourceLow() {
    return sourceLow;
  }

  /** As {@link #sourceHigh()}, for the destination. */
  public long destinationHigh() {
    return destinationHigh;
  }

  /** As {@link #sourceLow()}, for the destination. */
  public long destinationLow() {
    return destinationLow;
  }

  public int sourcePort() {
    return sourcePort;
  }

  public int destinationPort() {
    return destinationPort;
  }

  /** Sequence number, unsigned 32-bit. */
  public long seq() {
    return seq;
  }

  /** Acknowledgment number, unsigned 32-bit (meaningful when ACK is set). */
  public long ack() {
    return ack;
  }

  /** The flags byte, as {@link dev.chimney.wire.TcpFlag} bits. */
  public int flags() {
    return flags;
  }

  /** The raw window field. */
  public int window() {
    return window;
  }

  /** Data bytes, from the IP lengths: counts bytes the snap length cut. */
  public int payloadLength() {
    return payloadLength;
  }
}
