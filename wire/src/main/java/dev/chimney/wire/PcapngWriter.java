package dev.chimney.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes captured packets as a pcapng file (draft-ietf-opsawg-pcapng) that Wireshark and
 * {@code tshark -r} open: one Section Header Block, one Interface Description Block for the raw
 * IPv4 link, and one Enhanced Packet Block per packet carrying its direction in {@code epb_flags}
 * and its notes as {@code opt_comment}s.
 *
 * <p>Hand-written rather than pcap4j's {@code PcapDumper}: that needs the native libpcap, which CI
 * machines need not have, and it writes classic pcap, which has no per-packet comments.
 *
 * <p>Timestamps are {@link #EPOCH_BASE} plus the packet's virtual time, so the file depends only
 * on the packets: two identical runs give byte-identical files. Stateless; any thread.
 */
public final class PcapngWriter {
  /** Wall-clock instant that virtual time zero is written as. */
  public static final Instant EPOCH_BASE = Instant.parse("2026-01-01T00:00:00Z");
  /** Interface name that Wireshark shows for the link. */
  public static final String INTERFACE_NAME = "chimney-link";

  private static final int SECTION_HEADER = 0x0A0D0D0A;
  private static final int INTERFACE_DESCRIPTION = 0x00000001;
  private static final int ENHANCED_PACKET = 0x00000006;
  private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  private static final short VERSION_MAJOR = 1;
  private static final short VERSION_MINOR = 0;
  private static final long SECTION_LENGTH_UNSPECIFIED = -1L;
  /** LINKTYPE_RAW: the packet begins with the IPv4 header. */
  private static final short LINKTYPE_RAW = 101;
  /** No snapshot limit. */
  private static final int SNAPLEN_UNLIMITED = 0;
  private static final byte TSRESOL_NANOSECONDS = 9;
  private static final int INTERFACE_ID = 0;

  private static final short OPT_ENDOFOPT = 0;
  private static final short OPT_COMMENT = 1;
  private static final short IF_NAME = 2;
  private static final short IF_TSRESOL = 9;
  private static final short EPB_FLAGS = 2;
  private static final int EPB_INBOUND = 0b01;
  private static final int EPB_OUTBOUND = 0b10;

  /** Block type and the two total-length fields. */
  private static final int BLOCK_FRAMING_BYTES = 12;
  private static final int ALIGNMENT = 4;
  /** Option code and option length. */
  private static final int OPTION_HEADER_BYTES = 4;
  private static final int MAX_OPTION_LENGTH = 0xFFFF;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private PcapngWriter() {}

  /**
   * Writes {@code packets}, in list order, to {@code file}, replacing it and creating its parent
   * directories.
   *
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if a comment is longer than 65535 bytes in UTF-8
   */
  public static void write(Path file, List<CapturedPacket> packets) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, toBytes(packets));
  }

  /** The whole file as bytes: what {@link #write} writes. */
  public static byte[] toBytes(List<CapturedPacket> packets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(sectionHeader());
    out.writeBytes(interfaceDescription());
    for (CapturedPacket packet : packets) {
      out.writeBytes(enhancedPacket(packet));
    }
    return out.toByteArray();
  }

  private static byte[] sectionHeader() {
    ByteBuffer body = littleEndian(16);
    body.putInt(BYTE_ORDER_MAGIC).putShort(VERSION_MAJOR).putShort(VERSION_MINOR)
        .putLong(SECTION_LENGTH_UNSPECIFIED);
    return block(SECTION_HEADER, body.array());
  }

  private static byte[] interfaceDescription() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(littleEndian(8).putShort(LINKTYPE_RAW).putShort((short) 0).putInt(SNAPLEN_UNLIMITED).array());
    body.writeBytes(option(IF_NAME, INTERFACE_NAME.getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(option(IF_TSRESOL, new byte[] {TSRESOL_NANOSECONDS}));
    body.writeBytes(option(OPT_ENDOFOPT, new byte[0]));
    return block(INTERFACE_DESCRIPTION, body.toByteArray());
  }

  private static byte[] enhancedPacket(CapturedPacket packet) {
    byte[] data = packet.bytes();
    long timestamp = Math.addExact(Math.multiplyExact(EPOCH_BASE.getEpochSecond(), NANOS_PER_SECOND),
        packet.timeNanos());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(littleEndian(20)
        .putInt(INTERFACE_ID)
        .putInt((int) (timestamp >>> 32))
        .putInt((int) timestamp)
        .putInt(data.length)
        .putInt(data.length)
        .array());
    body.writeBytes(padded(data));
    body.writeBytes(option(EPB_FLAGS, littleEndian(4).putInt(directionFlags(packet.direction())).array()));
    for (String comment : packet.comments()) {
      body.writeBytes(option(OPT_COMMENT, comment.getBytes(StandardCharsets.UTF_8)));
    }
    body.writeBytes(option(OPT_ENDOFOPT, new byte[0]));
    return block(ENHANCED_PACKET, body.toByteArray());
  }

  /** The capture interface is the target's port: what goes to the target comes in. */
  private static int directionFlags(Direction direction) {
    return direction == Direction.TO_TARGET ? EPB_INBOUND : EPB_OUTBOUND;
  }

  private static byte[] block(int type, byte[] body) {
    int totalLength = BLOCK_FRAMING_BYTES + body.length;
    return littleEndian(totalLength).putInt(type).putInt(totalLength).put(body).putInt(totalLength).array();
  }

  private static byte[] option(short code, byte[] value) {
    if (value.length > MAX_OPTION_LENGTH) {
      throw new IllegalArgumentException("pcapng option " + code + " too long: " + value.length + " bytes");
    }
    byte[] paddedValue = padded(value);
    return littleEndian(OPTION_HEADER_BYTES + paddedValue.length)
        .putShort(code).putShort((short) value.length).put(paddedValue).array();
  }

  private static byte[] padded(byte[] value) {
    int length = (value.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    return Arrays.copyOf(value, length);
  }

  private static ByteBuffer littleEndian(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }
}
