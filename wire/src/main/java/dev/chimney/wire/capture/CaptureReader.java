package dev.chimney.wire.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the packet records of a capture file, whatever its format. Memory stays constant: one
 * buffer and one {@link CaptureRecord}, reused. Single-threaded; close it when done.
 *
 * <pre>{@code
 * try (CaptureReader in = CaptureReader.open(file)) {
 *   for (CaptureRecord r = in.next(); r != null; r = in.next()) { ... }
 * }
 * }</pre>
 */
public abstract class CaptureReader implements Closeable {
  /**
   * The largest record accepted. libpcap never captures more than 256 KiB per packet; this leaves
   * room for segmentation-offload captures and refuses absurd lengths (a 4 GB record is a damaged
   * header, not a packet) before allocating for them.
   */
  public static final int MAX_RECORD_BYTES = 16 << 20;
  /** Notices kept per capture; the count of the rest is still given by {@link #noticeCount()}. */
  public static final int MAX_NOTICES = 100;

  private static final int MAGIC_BYTES = 4;

  final Path file;
  final ByteWindow in;
  private final ReadableByteChannel channel;
  final CaptureRecord record = new CaptureRecord();
  private final List<CaptureNotice> notices = new ArrayList<>();
  private long noticeCount;

  CaptureReader(Path file, ReadableByteChannel channel, ByteWindow in) {
    this.file = file;
    this.channel = channel;
    this.in = in;
  }

  /**
   * Opens {@code file} and reads its header: classic pcap or pcapng, told by the magic number.
   *
   * @throws CaptureFormatException when it is neither, or its header is cut short or unusable
   * @throws IOException when it cannot be read at all (missing, unreadable)
   */
  public static CaptureReader open(Path file) throws IOException, CaptureFormatException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new CaptureFormatException(file, 0, "no such file");
    }
    return open(file, channel);
  }

  /**
   * Reads a capture from {@code stream} as it comes (standard input, a pipe from {@code tcpdump -U -w
   * -}), after reading its header as {@link #open(Path)} does; closing the reader closes the stream.
   *
   * @param name what messages and reports call the capture
   * @throws CaptureFormatException when it is not a capture, or its header is cut short or unusable
   * @throws IOException when it cannot be read
   */
  public static CaptureReader open(Path name, InputStream stream) throws IOException, CaptureFormatException {
    return open(name, new StreamChannel(stream));
  }

  private static CaptureReader open(Path name, ReadableByteChannel channel) throws IOException, CaptureFormatException {
    try {
      ByteWindow in = new ByteWindow(channel);
      if (!in.ensure(MAGIC_BYTES)) {
        throw new CaptureFormatException(name, 0, in.available() == 0 ? "empty file, not a capture"
            : "only " + in.available() + " bytes, too short for a capture header");
      }
      int magic = ByteWindow.int32(in.array(), in.position(), true);
      CaptureReader reader;
      if (magic == PcapngReader.SECTION_HEADER_TYPE) {
        reader = new PcapngReader(name, channel, in);
      } else if (PcapReader.isMagic(magic)) {
        reader = new PcapReader(name, channel, in);
      } else {
        throw new CaptureFormatException(name, 0, String.format(
            "not a pcap or pcapng capture (magic 0x%08X; pcap starts A1B2C3D4 or A1B23C4D, either byte order, pcapng 0A0D0D0A)",
            magic));
      }
      reader.readFileHeader();
      return reader;
    } catch (IOException | CaptureFormatException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  abstract void readFileHeader() throws IOException, CaptureFormatException;

  /**
   * The next packet record, or null at the clean end of the file.
   *
   * @throws CaptureFormatException when the next record is damaged; the records before it were
   *     good, and the reader cannot go on
   */
  public abstract CaptureRecord next() throws IOException, CaptureFormatException;

  /** "pcap (little-endian, microseconds)", "pcapng": for reports. */
  public abstract String format();

  /** The first {@link #MAX_NOTICES} notices so far. */
  public List<CaptureNotice> notices() {
    return List.copyOf(notices);
  }

  /** How many notices there were, kept or not. */
  public long noticeCount() {
    return noticeCount;
  }

  void notice(long recordNumber, String text) {
    noticeCount++;
    if (notices.size() < MAX_NOTICES) {
      notices.add(new CaptureNotice(recordNumber, text));
    }
  }

  CaptureFormatException bad(long recordNumber, String problem) {
    return new CaptureFormatException(file, recordNumber, problem);
  }

  /** A record or block whose stated length runs past the end of the file. */
  CaptureFormatException cutShort(long recordNumber, String what, long wanted) {
    return bad(recordNumber, what + " cut short: " + wanted + " bytes wanted at offset " + in.fileOffset()
        + ", the file ends after " + in.available() + " (damaged or still being written)");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * A stream as the window's channel, reading straight into the window's array as much as the stream
   * gives at once: {@link java.nio.channels.Channels#newChannel(InputStream)} reads 8 KiB at a time and
   * asks the stream what is available between reads, two system calls per 8 KiB of a pipe, which made
   * standard input three times slower than a file.
   */
  private static final class StreamChannel implements ReadableByteChannel {
    private final InputStream in;
    private boolean open = true;

    StreamChannel(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() throws IOException {
      open = false;
      in.close();
    }
  }
}
