package dev.chimney.spi;

import java.util.Arrays;

/**
 * One {@code NET_BUFFER}: a block of memory (its MDL chain) of which the first {@link #dataLength()}
 * bytes are data. Send and forward buffers arrive filled; receive buffers posted by the host arrive
 * empty and the target fills them, setting the data length, before completing them.
 *
 * <p>Not thread-safe: whoever owns the enclosing {@link NetBufferList} (the target between the call
 * that hands it over and its completion, the host otherwise) is the only one to touch it.
 */
public final class NetBuffer {
  private final byte[] memory;
  private int dataLength;

  private NetBuffer(byte[] memory, int dataLength) {
    this.memory = memory;
    this.dataLength = dataLength;
  }

  /** A buffer holding a copy of {@code data}, all of it data. */
  public static NetBuffer ofData(byte[] data) {
    return new NetBuffer(data.clone(), data.length);
  }

  /** An empty buffer of {@code capacity} bytes, for posted receives. */
  public static NetBuffer empty(int capacity) {
    return new NetBuffer(new byte[capacity], 0);
  }

  /** Bytes of data ({@code NET_BUFFER_DATA.DataLength}). */
  public int dataLength() {
    return dataLength;
  }

  /** Bytes the memory can hold. */
  public int capacity() {
    return memory.length;
  }

  /** A copy of the data bytes. */
  public byte[] data() {
    return Arrays.copyOf(memory, dataLength);
  }

  /**
   * Fills a receive buffer: copies {@code length} bytes of {@code src} from {@code offset} after the
   * data already there.
   *
   * @throws IllegalArgumentException if they do not fit in the capacity
   */
  public void append(byte[] src, int offset, int length) {
    if (length > memory.length - dataLength) {
      throw new IllegalArgumentException(
          "NET_BUFFER overflow: " + length + " bytes into " + (memory.length - dataLength) + " free");
    }
    System.arraycopy(src, offset, memory, dataLength, length);
    dataLength += length;
  }
}
