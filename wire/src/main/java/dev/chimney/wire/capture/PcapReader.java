package dev.chimney.wire.capture;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/**
 * Classic libpcap files: a 24-byte file header, then a 16-byte header per record. The magic number
 * gives the byte order and the timestamp unit (microseconds for A1B2C3D4, nanoseconds for
 * A1B23C4D). One link type for the whole file.
 */
final class PcapReader extends CaptureReader {
  private static final int MAGIC_MICROS = 0xA1B2C3D4;
  private static final int MAGIC_NANOS = 0xA1B23C4D;
  private static final int FILE_HEADER_BYTES = 24;
  private static final int RECORD_HEADER_BYTES = 16;
  private static final int LINKTYPE_OFFSET = 20;
  /** The upper bits of the link-type field carry FCS information (pcap-linktype(7)). */
  private static final int LINKTYPE_MASK = 0xFFFF;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;

  private boolean bigEndian;
  private boolean nanos;
  private LinkType linkType;
  private long number;

  PcapReader(Path file, ReadableByteChannel channel, ByteWindow in) {
    super(file, channel, in);
  }

  static boolean isMagic(int magic) {
    return magic == MAGIC_MICROS || magic == MAGIC_NANOS
        || Integer.reverseBytes(magic) == MAGIC_MICROS || Integer.reverseBytes(magic) == MAGIC_NANOS;
  }

  @Override
  void readFileHeader() throws IOException, CaptureFormatException {
    if (!in.ensure(FILE_HEADER_BYTES)) {
      throw bad(0, "pcap file header cut short: " + in.available() + " of " + FILE_HEADER_BYTES + " bytes");
    }
    byte[] b = in.array();
    int at = in.position();
    int magic = ByteWindow.int32(b, at, true);
    bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
    nanos = magic == MAGIC_NANOS || Integer.reverseBytes(magic) == MAGIC_NANOS;
    int code = ByteWindow.int32(b, at + LINKTYPE_OFFSET, bigEndian) & LINKTYPE_MASK;
    linkType = LinkType.of(code);
    if (linkType == null) {
      throw bad(0, "link type " + code + " is not supported (supported: " + LinkType.supported() + ")");
    }
    in.skip(FILE_HEADER_BYTES);
  }

  @Override
  public CaptureRecord next() throws IOException, CaptureFormatException {
    if (in.atEnd()) {
      return null;
    }
    long n = number + 1;
    if (!in.ensure(RECORD_HEADER_BYTES)) {
      throw cutShort(n, "record header", RECORD_HEADER_BYTES);
    }
    byte[] b = in.array();
    int at = in.position();
    long seconds = ByteWindow.uint32(b, at, bigEndian);
    long fraction = ByteWindow.uint32(b, at + 4, bigEndian);
    long captured = ByteWindow.uint32(b, at + 8, bigEndian);
    long original = ByteWindow.uint32(b, at + 12, bigEndian);
    if (captured > MAX_RECORD_BYTES) {
      throw bad(n, "absurd captured length " + captured + " bytes (at most " + MAX_RECORD_BYTES
          + "): the record header is damaged");
    }
    if (!in.ensure(RECORD_HEADER_BYTES + (int) captured)) {
      throw cutShort(n, "packet record", RECORD_HEADER_BYTES + captured);
    }
    number = n;
    CaptureRecord r = record;
    r.number = n;
    r.timestampNanos = seconds * NANOS_PER_SECOND + (nanos ? fraction : fraction * NANOS_PER_MICRO);
    r.linkType = linkType;
    r.data = in.array();
    r.offset = in.position() + RECORD_HEADER_BYTES;
    r.capturedLength = (int) captured;
    r.originalLength = Math.max(original, captured);
    in.skip(RECORD_HEADER_BYTES + (int) captured);
    return r;
  }

  @Override
  public String format() {
    return "pcap (" + (bigEndian ? "big" : "little") + "-endian, " + (nanos ? "nanoseconds" : "microseconds")
        + ", link type " + linkType.code() + " " + linkType.name() + ")";
  }
}
