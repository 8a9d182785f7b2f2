package dev.chimney.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal little-endian pcapng reader for checking {@link PcapngWriter}'s output by structure:
 * blocks with their type, declared lengths and options. Throws AssertionError on a framing error.
 */
final class PcapngFile {
  /** One block: type, the two total-length fields, and the body between them. */
  record Block(int type, int leadingLength, int trailingLength, byte[] body) {
    ByteBuffer bodyBuffer() {
      return ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** One option: code and value (without padding). */
  record Option(int code, byte[] value) {
    String text() {
      return new String(value, StandardCharsets.UTF_8);
    }

    int u32() {
      return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
  }

  private PcapngFile() {}

  static List<Block> blocks(byte[] file) {
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    List<Block> blocks = new ArrayList<>();
    while (in.hasRemaining()) {
      int start = in.position();
      int type = in.getInt();
      int length = in.getInt();
      if (length < 12 || start + length > file.length) {
        throw new AssertionError("block at byte " + start + ": total length " + length + " does not fit the file");
      }
      byte[] body = Arrays.copyOfRange(file, start + 8, start + length - 4);
      in.position(start + length - 4);
      blocks.add(new Block(type, length, in.getInt(), body));
    }
    return blocks;
  }

  /** The options that start at {@code offset} of {@code body}, up to opt_endofopt (included as code 0). */
  static List<Option> options(byte[] body, int offset) {
    ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    in.position(offset);
    List<Option> options = new ArrayList<>();
    while (in.remaining() >= 4) {
      int code = Short.toUnsignedInt(in.getShort());
      int length = Short.toUnsignedInt(in.getShort());
      byte[] value = new byte[length];
      in.get(value);
      in.position(in.position() + (4 - length % 4) % 4);
      options.add(new Option(code, value));
      if (code == 0) {
        break;
      }
    }
    return options;
  }
}
