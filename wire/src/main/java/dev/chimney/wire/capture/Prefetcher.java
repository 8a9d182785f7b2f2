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

  /** A chunk: {@code length} bytes of the file from {@link #HEADROOM}. */
  static final class Chunk {
    final byte[] bytes;
    int length;

    Chunk(int capacity) {
      bytes = new byte[capacity];
    }
  }

  /** What the reading thread hands over after the last chunk: the end of the file, or why reading stopped. */
  private record End(IOException failure) {}

  private final ReadableByteChannel channel;
  private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
  /** Chunks, then one {@link End}. */
  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final Thread thread;
  /** Chunks made so far, by the reading thread: made as needed, so a small file costs one chunk, not the pool. */
  private int made;
  private boolean ended;

  Prefetcher(ReadableByteChannel channel) {
    this.channel = channel;
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
    Object next;
    try {
      next = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the capture", e);
    }
    if (next instanceof End end) {
      ended = true;
      if (end.failure() != null) {
        throw end.failure();
      }
      return null;
    }
    return (Chunk) next;
  }

  /** Gives back a chunk {@link #next} returned, once none of its bytes are needed. */
  void recycle(Chunk c) {
    free.add(c);
  }

  private void readAhead() {
    try {
      while (true) {
        Chunk c = free.poll();
        if (c == null && made < CHUNKS) {
          c = new Chunk(HEADROOM + CHUNK_BYTES);
          made++;
        } else if (c == null) {
          c = free.take();
        }
        try {
          c.length = fill(c);
        } catch (IOException e) {
          ready.put(new End(e));
          return;
        }
        if (c.length == 0) {
          ready.put(new End(null));
          return;
        }
        ready.put(c);
      }
    } catch (InterruptedException e) {
      // closed: the consumer wants no more
    }
  }

  /** Reads as much as fits, or to the end of the file; 0 at the end. */
  private int fill(Chunk c) throws IOException {
    ByteBuffer into = ByteBuffer.wrap(c.bytes, HEADROOM, CHUNK_BYTES);
    // A read may give less than asked: go on to the end of the chunk or of the file.
    while (into.hasRemaining()) {
      if (channel.read(into) < 0) {
        break;
      }
    }
    return into.position() - HEADROOM;
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
