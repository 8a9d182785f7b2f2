package dev.chimney.wire.capture;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/**
 * A sliding window over a channel: the readers ask for the next n bytes, and read fields in place
 * from {@link #array()} at {@link #position()}. The bytes come from a {@link Prefetcher}'s chunks,
 * read ahead on another thread; a record that runs past the end of a chunk is made whole by moving
 * the chunk's tail into the next chunk's headroom, so reading allocates nothing per record (only a
 * record larger than the headroom gets an array of its own). Not thread-safe.
 */
final class ByteWindow implements AutoCloseable {
  private final Prefetcher prefetcher;
  /** The chunk {@link #buf} belongs to, or null when it is an array of its own (or before the first). */
  private Prefetcher.Chunk chunk;
  private byte[] buf = new byte[0];
  private int pos;
  private int limit;
  /** The file offset of {@code buf[0]}: the position's offset is this plus the position. */
  private long bufOffset;
  private boolean eof;

  ByteWindow(ReadableByteChannel channel) {
    this.prefetcher = new Prefetcher(channel);
  }

  /**
   * Makes {@code n} bytes available from the position.
   *
   * @return false when the file ends first; {@link #available()} then says how many there are
   */
  boolean ensure(int n) throws IOException {
    while (limit - pos < n && !eof) {
      Prefetcher.Chunk next = prefetcher.next();
      if (next == null) {
        eof = true;
      } else {
        append(next);
      }
    }
    return limit - pos >= n;
  }

  /** Continues the unread bytes with {@code next}'s. */
  private void append(Prefetcher.Chunk next) {
    int tail = limit - pos;
    long tailOffset = bufOffset + pos;
    if (tail <= Prefetcher.HEADROOM) {
      int start = Prefetcher.HEADROOM - tail;
      System.arraycopy(buf, pos, next.bytes, start, tail);
      release();
      chunk = next;
      buf = next.bytes;
      pos = start;
      limit = Prefetcher.HEADROOM + next.length;
    } else {
      // A record larger than the headroom (segmentation offload, jumbo frames): rare, so copied.
      byte[] joined = new byte[tail + next.length];
      System.arraycopy(buf, pos, joined, 0, tail);
      System.arraycopy(next.bytes, Prefetcher.HEADROOM, joined, tail, next.length);
      release();
      prefetcher.recycle(next);
      buf = joined;
      pos = 0;
      limit = joined.length;
    }
    bufOffset = tailOffset - pos;
  }

  private void release() {
    if (chunk != null) {
      prefetcher.recycle(chunk);
      chunk = null;
    }
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
    return bufOffset + pos;
  }

  /** True when the file has no byte left after the position. */
  boolean atEnd() throws IOException {
    return !ensure(1);
  }

  /** Stops reading ahead. */
  @Override
  public void close() {
    prefetcher.close();
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
