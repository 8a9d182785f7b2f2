package dev.chimney.wire.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A sliding window over a channel: the readers ask for the next n bytes, and read fields in place
 * from {@link #array()} at {@link #position()}. One buffer for the whole file, grown only for a
 * record larger than it, so reading allocates nothing per record. Not thread-safe.
 */
final class ByteWindow {
  /**
   * Small enough that what a refill copies in is still in the core's cache when the records are
   * decoded, large enough that refills cost nothing per record: 256 KiB read through 2.2 GB faster
   * than 4 MiB did, and as fast as a thread reading ahead into 2 MiB chunks, which took a core's
   * worth of copying more (bench/check-trace, this machine).
   */
  static final int INITIAL_CAPACITY = 256 << 10;

  private final ReadableByteChannel channel;
  private byte[] buf = new byte[INITIAL_CAPACITY];
  private int pos;
  private int limit;
  private long consumedBefore;
  private boolean eof;

  ByteWindow(ReadableByteChannel channel) {
    this.channel = channel;
  }

  /**
   * Makes {@code n} bytes available from the position.
   *
   * @return false when the file ends first; {@link #available()} then says how many there are
   */
  boolean ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (n > buf.length) {
      byte[] bigger = new byte[Math.max(n, buf.length * 2)];
      System.arraycopy(buf, pos, bigger, 0, limit - pos);
      buf = bigger;
    } else {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
    }
    consumedBefore += pos;
    limit -= pos;
    pos = 0;
    while (limit < n && !eof) {
      int read = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
      if (read < 0) {
        eof = true;
      } else {
        limit += read;
      }
    }
    return limit - pos >= n;
  }

  /** Bytes available from the position without reading. */
  int available() {
    return limit - pos;
  }

  /** The buffer; valid until the next {@link #ensure}. */
  byte[] array() {
    return buf;
  }

  /** Where the next unread byte is in {@link #array()}. */
  int position() {
    return pos;
  }

  /** Moves past {@code n} bytes, which {@link #ensure} made available. */
  void skip(int n) {
    pos += n;
  }

  /** Offset in the file of the byte at the position. */
  long fileOffset() {
    return consumedBefore + pos;
  }

  /** True when the file has no byte left after the position. */
  boolean atEnd() throws IOException {
    return !ensure(1);
  }

  static int int32(byte[] b, int at, boolean bigEndian) {
    return bigEndian
        ? (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF)
        : (b[at + 3] & 0xFF) << 24 | (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
  }

  static long uint32(byte[] b, int at, boolean bigEndian) {
    return int32(b, at, bigEndian) & 0xFFFF_FFFFL;
  }

  static int uint16(byte[] b, int at, boolean bigEndian) {
    return bigEndian ? (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF) : (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
  }
}
