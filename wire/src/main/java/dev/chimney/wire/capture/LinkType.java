package dev.chimney.wire.capture;

/**
 * The link-layer header types (tcpdump.org LINKTYPE_ values) whose packets the decoder reads. Any
 * other type is refused with the record that uses it.
 */
public enum LinkType {
  /** LINKTYPE_ETHERNET: Ethernet II, with any number of 802.1Q / 802.1ad VLAN tags. */
  ETHERNET(1),
  /** LINKTYPE_RAW: the packet starts with the IPv4 or IPv6 header. */
  RAW(101),
  /** LINKTYPE_LINUX_SLL: Linux "cooked" capture, 16-byte header (tcpdump -i any). */
  LINUX_SLL(113),
  /** LINKTYPE_IPV4: raw IPv4. */
  IPV4(228),
  /** LINKTYPE_IPV6: raw IPv6. */
  IPV6(229),
  /** LINKTYPE_LINUX_SLL2: Linux "cooked" capture v2, 20-byte header. */
  LINUX_SLL2(276);

  private final int code;

  LinkType(int code) {
    this.code = code;
  }

  /** The LINKTYPE_ value in capture headers. */
  public int code() {
    return code;
  }

  /** The type with that code, or null when the decoder does not read it. */
  public static LinkType of(int code) {
    for (LinkType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /** "1 (ETHERNET), 101 (RAW), ...": for error messages. */
  public static String supported() {
    StringBuilder sb = new StringBuilder();
    for (LinkType t : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(t.code).append(" (").append(t.name()).append(')');
    }
    return sb.toString();
  }
}
