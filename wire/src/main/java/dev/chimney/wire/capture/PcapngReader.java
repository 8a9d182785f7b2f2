package dev.chimney.wire.capture;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng files (draft-ietf-opsawg-pcapng): blocks of type, length, body, length. Each Section
 * Header Block sets the byte order of its section and forgets the interfaces before it; each
 * Interface Description Block gives an interface its link type and timestamp resolution (if_tsresol,
 * if_tsoffset). Packets come from Enhanced, Simple and the obsolete Packet blocks; their
 * opt_comment and epb_flags direction are kept. Blocks of other types (name resolution, statistics,
 * custom...) are skipped with a notice.
 *
 * <p>Records are numbered by packet, as Wireshark numbers frames; a damaged block is named by the
 * number the next packet would have had and its byte offset.
 */
final class PcapngReader extends CaptureReader {
  static final int SECTION_HEADER_TYPE = 0x0A0D0D0A;
  private static final int INTERFACE_DESCRIPTION = 1;
  private static final int OBSOLETE_PACKET = 2;
  private static final int SIMPLE_PACKET = 3;
  private static final int ENHANCED_PACKET = 6;
  /** Blocks the reader knows it does not need: no notice for them. */
  private static final int NAME_RESOLUTION = 4;
  private static final int INTERFACE_STATISTICS = 5;
  private static final int DECRYPTION_SECRETS = 10;
  private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  private static final int BLOCK_HEADER_BYTES = 8;
  /** Offsets in enhanced and obsolete packet blocks of the timestamp and of the two lengths. */
  private static final int PACKET_TIMESTAMP_AT = 12;
  private static final int PACKET_LENGTHS_AT = 20;
  private static final int MIN_BLOCK_BYTES = 12;
  private static final int SECTION_HEADER_MIN_BYTES = 28;
  private static final int OPT_ENDOFOPT = 0;
  private static final int OPT_COMMENT = 1;
  private static final int EPB_FLAGS = 2;
  private static final int IF_TSRESOL = 9;
  private static final int IF_TSOFFSET = 14;
  private static final int EPB_DIRECTION_MASK = 0b11;
  private static final int TSRESOL_POWER_OF_TWO = 0x80;
  private static final int DEFAULT_TSRESOL = 6;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  /** Beyond 10^-18 or 2^-63 a tick is not a meaningful unit: the option is damaged. */
  private static final int MAX_TSRESOL_EXPONENT = 63;

  private final List<Interface> interfaces = new ArrayList<>();
  private boolean bigEndian;
  private long packets;
  private long blocks;

  /**
   * What an IDB said about one interface.
   *
   * @param nanosPerTick for decimal resolutions of nanoseconds or coarser, the nanoseconds in one
   *     tick, worked out once per interface rather than once per packet; 0 otherwise
   */
  private record Interface(LinkType linkType, int linkCode, long snapLength, long ticksPerSecond, boolean power2,
      int exponent, long nanosPerTick, long offsetSeconds) {
    long nanos(long ticks) {
      if (nanosPerTick > 0) {
        return ticks * nanosPerTick + offsetSeconds * NANOS_PER_SECOND;
      }
      // Finer than nanoseconds, or binary fractions: split to keep 64 bits.
      long seconds = power2 ? ticks >>> exponent : ticks / ticksPerSecond;
      long rest = power2 ? ticks & ((1L << exponent) - 1) : ticks % ticksPerSecond;
      double fraction = (double) rest / (power2 ? Math.pow(2, exponent) : ticksPerSecond);
      return (seconds + offsetSeconds) * NANOS_PER_SECOND + (long) (fraction * NANOS_PER_SECOND);
    }
  }

  PcapngReader(Path file, ReadableByteChannel channel, ByteWindow in) {
    super(file, channel, in);
  }

  private static long pow10(int e) {
    long v = 1;
    for (int i = 0; i < e; i++) {
      v *= 10;
    }
    return v;
  }

  @Override
  void readFileHeader() throws IOException, CaptureFormatException {
    if (!in.ensure(SECTION_HEADER_MIN_BYTES)) {
      throw bad(0, "pcapng section header cut short: " + in.available() + " of " + SECTION_HEADER_MIN_BYTES + " bytes");
    }
  }

  @Override
  public CaptureRecord next() throws IOException, CaptureFormatException {
    while (true) {
      if (in.atEnd()) {
        return null;
      }
      long n = packets + 1;
      blocks++;
      if (!in.ensure(BLOCK_HEADER_BYTES)) {
        throw cutShort(n, "block header", BLOCK_HEADER_BYTES);
      }
      byte[] b = in.array();
      int at = in.position();
      int type = ByteWindow.int32(b, at, bigEndian);
      if (type == SECTION_HEADER_TYPE) {
        readSectionHeader(n);
        continue;
      }
      long length = ByteWindow.uint32(b, at + 4, bigEndian);
      checkLength(n, type, length);
      if (!in.ensure((int) length)) {
        throw cutShort(n, blockName(type) + " (block " + blocks + ")", length);
      }
      b = in.array();
      at = in.position();
      long trailer = ByteWindow.uint32(b, at + (int) length - 4, bigEndian);
      if (trailer != length) {
        throw bad(n, blockName(type) + " at offset " + in.fileOffset() + ": its trailing length " + trailer
            + " differs from its leading length " + length + " (damaged block)");
      }
      CaptureRecord r = switch (type) {
        case ENHANCED_PACKET -> packet(n, b, at, (int) length, ByteWindow.int32(b, at + 8, bigEndian));
        case OBSOLETE_PACKET -> packet(n, b, at, (int) length, ByteWindow.uint16(b, at + 8, bigEndian));
        case SIMPLE_PACKET -> simplePacket(n, b, at, (int) length);
        case INTERFACE_DESCRIPTION -> {
          readInterface(n, b, at, (int) length);
          yield null;
        }
        case NAME_RESOLUTION, INTERFACE_STATISTICS, DECRYPTION_SECRETS -> null;
        default -> {
          notice(n, String.format("pcapng block type 0x%08X at offset %d skipped (not a packet block this reader knows)",
              type, in.fileOffset()));
          yield null;
        }
      };
      in.skip((int) length);
      if (r != null) {
        packets = n;
        return r;
      }
    }
  }

  private void checkLength(long n, int type, long length) throws CaptureFormatException {
    if (length < MIN_BLOCK_BYTES || length % 4 != 0 || length > MAX_RECORD_BYTES) {
      throw bad(n, blockName(type) + " at offset " + in.fileOffset() + " has an absurd length " + length
          + " (a multiple of 4 from " + MIN_BLOCK_BYTES + " to " + MAX_RECORD_BYTES + " expected): the block is damaged");
    }
  }

  private static String blockName(int type) {
    return switch (type) {
      case ENHANCED_PACKET -> "enhanced packet block";
      case SIMPLE_PACKET -> "simple packet block";
      case OBSOLETE_PACKET -> "packet block";
      case INTERFACE_DESCRIPTION -> "interface description block";
      default -> String.format("block of type 0x%08X", type);
    };
  }

  private void readSectionHeader(long n) throws IOException, CaptureFormatException {
    if (!in.ensure(SECTION_HEADER_MIN_BYTES)) {
      throw cutShort(n, "section header block", SECTION_HEADER_MIN_BYTES);
    }
    byte[] b = in.array();
    int at = in.position();
    int magic = ByteWindow.int32(b, at + 8, true);
    if (magic == BYTE_ORDER_MAGIC) {
      bigEndian = true;
    } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
      bigEndian = false;
    } else {
      throw bad(n, String.format("section header block at offset %d: byte-order magic 0x%08X is neither 1A2B3C4D nor 4D3C2B1A",
          in.fileOffset(), magic));
    }
    long length = ByteWindow.uint32(b, at + 4, bigEndian);
    checkLength(n, SECTION_HEADER_TYPE, length);
    if (!in.ensure((int) length)) {
      throw cutShort(n, "section header block", length);
    }
    interfaces.clear();
    in.skip((int) length);
  }

  private void readInterface(long n, byte[] b, int at, int length) throws CaptureFormatException {
    if (length < 20) {
      throw bad(n, "interface description block at offset " + in.fileOffset() + " too short: " + length + " bytes");
    }
    int code = ByteWindow.uint16(b, at + 8, bigEndian);
    long snap = ByteWindow.uint32(b, at + 12, bigEndian);
    int resolution = DEFAULT_TSRESOL;
    long offsetSeconds = 0;
    int o = at + 16;
    int end = at + length - 4;
    while (o + 4 <= end) {
      int code2 = ByteWindow.uint16(b, o, bigEndian);
      int len = ByteWindow.uint16(b, o + 2, bigEndian);
      if (code2 == OPT_ENDOFOPT || o + 4 + len > end) {
        break;
      }
      if (code2 == IF_TSRESOL && len >= 1) {
        resolution = b[o + 4] & 0xFF;
      } else if (code2 == IF_TSOFFSET && len >= 8) {
        offsetSeconds = bigEndian
            ? (ByteWindow.uint32(b, o + 4, true) << 32) | ByteWindow.uint32(b, o + 8, true)
            : (ByteWindow.uint32(b, o + 8, false) << 32) | ByteWindow.uint32(b, o + 4, false);
      }
      o += 4 + ((len + 3) & ~3);
    }
    boolean power2 = (resolution & TSRESOL_POWER_OF_TWO) != 0;
    int exponent = resolution & ~TSRESOL_POWER_OF_TWO;
    if (exponent > MAX_TSRESOL_EXPONENT || (!power2 && exponent > 18)) {
      throw bad(n, "interface " + interfaces.size() + ": if_tsresol " + resolution + " is not a usable resolution");
    }
    long ticks = power2 ? (exponent == 63 ? Long.MAX_VALUE : 1L << exponent) : pow10(exponent);
    long nanosPerTick = !power2 && exponent <= 9 ? pow10(9 - exponent) : 0;
    interfaces.add(new Interface(LinkType.of(code), code, snap, ticks, power2, exponent, nanosPerTick, offsetSeconds));
  }

  private Interface interfaceFor(long n, long id) throws CaptureFormatException {
    if (id < 0 || id >= interfaces.size()) {
      throw bad(n, "packet on interface " + id + ", but the section describes " + interfaces.size() + " interface(s)");
    }
    Interface i = interfaces.get((int) id);
    if (i.linkType() == null) {
      throw bad(n, "interface " + id + " has link type " + i.linkCode() + ", which is not supported (supported: "
          + LinkType.supported() + ")");
    }
    return i;
  }

  /**
   * Enhanced and obsolete packet blocks: the interface id is read by the caller (32 bits in one, 16 in
   * the other); timestamp high and low, then captured and original length, sit at the same offsets.
   */
  private CaptureRecord packet(long n, byte[] b, int at, int length, long interfaceId) throws CaptureFormatException {
    Interface i = interfaceFor(n, interfaceId);
    long ticks = ByteWindow.uint32(b, at + PACKET_TIMESTAMP_AT, bigEndian) << 32
        | ByteWindow.uint32(b, at + PACKET_TIMESTAMP_AT + 4, bigEndian);
    long captured = ByteWindow.uint32(b, at + PACKET_LENGTHS_AT, bigEndian);
    long original = ByteWindow.uint32(b, at + PACKET_LENGTHS_AT + 4, bigEndian);
    int dataAt = at + PACKET_LENGTHS_AT + 8;
    int end = at + length - 4;
    if (captured > end - dataAt) {
      throw bad(n, "captured length " + captured + " runs past its block of " + length + " bytes (damaged block)");
    }
    CaptureRecord r = fill(n, i, b, dataAt, (int) captured, original);
    r.timestampNanos = i.nanos(ticks);
    readPacketOptions(r, b, dataAt + ((int) (captured + 3) & ~3), end);
    return r;
  }

  private CaptureRecord simplePacket(long n, byte[] b, int at, int length) throws CaptureFormatException {
    Interface i = interfaceFor(n, 0);
    long original = ByteWindow.uint32(b, at + 8, bigEndian);
    int room = length - 16;
    long captured = Math.min(original, room);
    if (i.snapLength() > 0) {
      captured = Math.min(captured, i.snapLength());
    }
    CaptureRecord r = fill(n, i, b, at + 12, (int) captured, original);
    r.timestampNanos = 0;
    return r;
  }

  private CaptureRecord fill(long n, Interface i, byte[] b, int dataAt, int captured, long original) {
    CaptureRecord r = record;
    r.number = n;
    r.linkType = i.linkType();
    r.data = b;
    r.offset = dataAt;
    r.capturedLength = captured;
    r.originalLength = Math.max(original, captured);
    r.direction = CaptureRecord.DIRECTION_UNKNOWN;
    r.comments = List.of();
    return r;
  }

  private void readPacketOptions(CaptureRecord r, byte[] b, int o, int end) {
    List<String> comments = null;
    while (o + 4 <= end) {
      int code = ByteWindow.uint16(b, o, bigEndian);
      int len = ByteWindow.uint16(b, o + 2, bigEndian);
      if (code == OPT_ENDOFOPT || o + 4 + len > end) {
        break;
      }
      if (code == OPT_COMMENT) {
        if (comments == null) {
          comments = new ArrayList<>(2);
        }
        comments.add(new String(b, o + 4, len, StandardCharsets.UTF_8));
      } else if (code == EPB_FLAGS && len >= 4) {
        r.direction = ByteWindow.int32(b, o + 4, bigEndian) & EPB_DIRECTION_MASK;
      }
      o += 4 + ((len + 3) & ~3);
    }
    if (comments != null) {
      r.comments = List.copyOf(comments);
    }
  }

  @Override
  public String format() {
    return "pcapng";
  }
}
