package dev.chimney.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test captures made of shipped classic pcap files one after the other, each moved in time, for
 * captures with several connections (or one four-tuple used again) from real recordings.
 */
final class JoinedCaptures {
  private static final int MICROS_MAGIC = 0xA1B2C3D4;
  private static final int NANOS_MAGIC = 0xA1B23C4D;

  private JoinedCaptures() {}

  /** One input: a classic pcap file, and how far after the capture's start its first packet goes. */
  record Part(Path pcap, long startNanos) {}

  /**
   * Writes {@code parts} into {@code out} as one little-endian nanosecond pcap with the first part's
   * link type; each part's packets keep their spacing and start at its {@code startNanos}.
   */
  static Path join(Path out, List<Part> parts) throws IOException {
    ByteBuffer joined = ByteBuffer.allocate(24 + parts.stream().mapToInt(p -> size(p.pcap())).sum())
        .order(ByteOrder.LITTLE_ENDIAN);
    int linkType = header(parts.get(0).pcap()).getInt(20);
    joined.putInt(NANOS_MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(0x40000)
        .putInt(linkType);
    for (Part part : parts) {
      ByteBuffer in = header(part.pcap());
      boolean nanos = in.getInt(0) == NANOS_MAGIC;
      long first = Long.MIN_VALUE;
      for (int at = 24; at + 16 <= in.limit(); ) {
        long time = in.getInt(at) * 1_000_000_000L + (in.getInt(at + 4) & 0xFFFF_FFFFL) * (nanos ? 1 : 1_000);
        first = first == Long.MIN_VALUE ? time : first;
        long moved = part.startNanos() + time - first;
        int captured = in.getInt(at + 8);
        joined.putInt((int) (moved / 1_000_000_000L)).putInt((int) (moved % 1_000_000_000L)).putInt(captured)
            .putInt(in.getInt(at + 12)).put(in.array(), at + 16, captured);
        at += 16 + captured;
      }
    }
    Files.write(out, java.util.Arrays.copyOf(joined.array(), joined.position()));
    return out;
  }

  private static ByteBuffer header(Path pcap) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt(0);
    if (magic != MICROS_MAGIC && magic != NANOS_MAGIC) {
      throw new IllegalArgumentException(pcap + ": not a little-endian classic pcap");
    }
    return b;
  }

  private static int size(Path pcap) {
    try {
      return (int) Files.size(pcap);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
