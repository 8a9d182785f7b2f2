package dev.chimney.rules.monitor;

import dev.chimney.host.NblView;
import java.util.List;

/** What the event log tells of forwarded segments, which it records without their bytes. */
final class ForwardedSegments {
  /**
   * Bytes of a forwarded segment's TCP header: 20, as the harness's segments carry options only on
   * SYNs (see TcpOptions), and a connection being offloaded is past its handshake.
   */
  static final int TCP_HEADER_BYTES = 20;

  private ForwardedSegments() {}

  /** The data bytes of the forwarded lists: each list's length less its TCP header. */
  static long payload(List<NblView> nbls) {
    return nbls.stream().mapToLong(n -> Math.max(0, n.dataLength() - TCP_HEADER_BYTES)).sum();
  }
}
