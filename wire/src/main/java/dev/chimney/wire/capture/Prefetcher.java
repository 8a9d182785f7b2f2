package dev.chimney.wire.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a channel ahead of its consumer on a thread of its own, into a small pool of chunks: the
 * read system calls and the copies out of the page cache (a good part of the cost of a large
 * capture) then overlap the decoding instead of adding to it. Memory is the pool's, whatever the
 * file's size. Each chunk leaves {@link #HEADROOM} bytes free at its front, so that the consumer
 * can put the unread tail of the previous chunk there and see a record that straddles two chunks
 * as one run of bytes.
 *
 * <p>One consumer thread calls {@link #next} and {@link #recycle}; {@link #close} may come from it
 * at any point.
 */
final class Prefetcher implements AutoCloseable {
  /** Room in front of each chunk's data for the previous chunk's tail: a record that big or smaller. */
  static final int HEADROOM = 256 << 10;
  /** Bytes read into each chunk. */
  static final int CHUNK_BYTES = 2 << 20;
  /** Chunks in the pool: one being decoded, the rest read ahead. */
  private static final int CHUNKS = 4;

  /** A chunk: {@code length} bytes of the file from {@link #HEADROOM}; a length of -1 marks the end. */
  static final class Chunk {
    final byte[] bytes = new byte[HEADROOM + CHUNK_BYTES];
    int length;
    IOException failure;
  }

  private final ReadableByteChannel channel;
  private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
  private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread thread;
  private boolean ended;

  Prefetcher(ReadableByteChannel channel) {
    this.channel = channel;
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new Chunk());
    }
    thread = new Thread(this::readAhead, "chimney-capture-read");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The next chunk of the file, or null after the last.
   *
   * @throws IOException what reading it failed with
   */
  Chunk next() throws IOException {
    if (ended) {
      return null;
    }
    Chunk c;
    try {
      c = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the capture", e);
    }
    if (c.failure != null) {
      ended = true;
      throw c.failure;
    }
    if (c.length < 0) {
      ended = true;
      return null;
    }
    return c;
  }

  /** Gives back a chunk {@link #next} returned, once none of its bytes are needed. */
  void recycle(Chunk c) {
    free.add(c);
  }

  private void readAhead() {
    try {
      while (true) {
        Chunk c = free.take();
        c.failure = null;
        c.length = fill(c);
        ready.put(c);
        if (c.length < 0) {
          return;
        }
      }
    } catch (InterruptedException e) {
      // closed: the consumer wants no more
    }
  }

  /** Reads as much as fits, or to the end of the file; -1 at the end, or when reading failed. */
  private int fill(Chunk c) {
    ByteBuffer into = ByteBuffer.wrap(c.bytes, HEADROOM, CHUNK_BYTES);
    try {
      while (into.hasRemaining()) {
        if (channel.read(into) < 0) {
          break;
        }
      }
    } catch (IOException e) {
      c.failure = e;
      return -1;
    }
    int read = into.position() - HEADROOM;
    return read == 0 ? -1 : read;
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
