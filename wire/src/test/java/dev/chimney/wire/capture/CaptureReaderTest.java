package dev.chimney.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureReaderTest {
  @TempDir
  Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** Reads every record, keeping number, time, length and comments. */
  private List<String> readAll(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    try (CaptureReader in = CaptureReader.open(file)) {
      for (CaptureRecord r = in.next(); r != null; r = in.next()) {
        out.add(r.number() + " " + r.timestampNanos() + " " + r.capturedLength() + "/" + r.originalLength() + " "
            + r.linkType() + " dir" + r.direction() + " " + r.comments());
      }
    }
    return out;
  }

  @ParameterizedTest(name = "pcap {0} {1}")
  @CsvSource({"BIG_ENDIAN,false", "LITTLE_ENDIAN,false", "BIG_ENDIAN,true", "LITTLE_ENDIAN,true"})
  void readsClassicPcapInEitherByteOrderAndUnit(String order, boolean nanos) throws Exception {
    ByteOrder o = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.SYN, 1, 0);
    Path f = write("a.pcap", new CaptureBytes.Pcap(o, nanos, 101)
        .record(10, nanos ? 123_456_789 : 123_456, packet, packet.length, packet.length)
        .record(packet).bytes());
    List<String> records = readAll(f);
    assertThat(records).hasSize(2);
    assertThat(records.get(0)).startsWith("1 " + (nanos ? "10123456789" : "10123456000") + " 40/40 RAW");
  }

  @Test
  void readsPcapngSectionsInBothByteOrdersWithResolutionsCommentsAndDirections() throws Exception {
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.ACK, 5, 10);
    CaptureBytes.Pcapng le = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN).iface(101, 9)
        .packet(0, 1_500_000_000L, packet, 2, "#3 host: something", "second");
    CaptureBytes.Pcapng be = new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN).iface(1, null).iface(101, 0x80 | 10)
        .packet(1, 3L << 10, packet, 1).block(0x99, new byte[] {1, 2, 3, 4}).simplePacket(packet);
    byte[] both = concat(le.bytes(), be.bytes());
    Path f = write("b.pcapng", both);
    List<String> records = readAll(f);
    assertThat(records).containsExactly(
        "1 1500000000 50/50 RAW dir2 [#3 host: something, second]",
        "2 3000000000 50/50 RAW dir1 []",
        "3 0 50/50 ETHERNET dir0 []");
    try (CaptureReader in = CaptureReader.open(f)) {
      while (in.next() != null) {
        // drain for the notices
      }
      assertThat(in.notices()).hasSize(1);
      assertThat(in.notices().get(0).toString()).startsWith("record 3: pcapng block type 0x00000099 at offset "
          + offsetOf(both, 0x99) + " skipped");
    }
  }

  private static int offsetOf(byte[] file, int bigEndianType) {
    for (int i = 0; i + 4 <= file.length; i += 4) {
      if (file[i] == 0 && file[i + 1] == 0 && file[i + 2] == 0 && (file[i + 3] & 0xFF) == bigEndianType) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void refusesWrongMagicNamingTheFile() throws Exception {
    Path f = write("text.pcap", "hello, not a capture".getBytes());
    assertThatThrownBy(() -> CaptureReader.open(f)).isInstanceOf(CaptureFormatException.class)
        .hasMessage(f + ": not a pcap or pcapng capture (magic 0x68656C6C; pcap starts A1B2C3D4 or A1B23C4D, either"
            + " byte order, pcapng 0A0D0D0A)");
  }

  @Test
  void refusesEmptyAndShortFiles() throws Exception {
    assertThatThrownBy(() -> CaptureReader.open(write("empty.pcap", new byte[0])))
        .hasMessageEndingWith("empty file, not a capture");
    byte[] header = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 1).bytes();
    assertThatThrownBy(() -> CaptureReader.open(write("short.pcap", Arrays.copyOf(header, 10))))
        .hasMessageEndingWith("pcap file header cut short: 10 of 24 bytes");
  }

  @Test
  void refusesAnUnknownLinkTypeNamingIt() throws Exception {
    Path f = write("ppp.pcap", new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 9).bytes());
    assertThatThrownBy(() -> CaptureReader.open(f)).hasMessageContaining("link type 9 is not supported")
        .hasMessageContaining("1 (ETHERNET)");
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.SYN, 1, 0);
    Path g = write("ppp.pcapng", new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN).iface(9, null)
        .packet(0, 1, packet, 0).bytes());
    assertThatThrownBy(() -> readAll(g)).isInstanceOf(CaptureFormatException.class)
        .hasMessage(g + ": record 1: interface 0 has link type 9, which is not supported (supported: "
            + LinkType.supported() + ")");
  }

  @Test
  void stopsAtATruncatedRecordNamingItAfterTheGoodOnes() throws Exception {
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.SYN, 1, 100);
    byte[] file = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 101).record(packet).record(packet).bytes();
    Path f = write("cut.pcap", Arrays.copyOf(file, file.length - 30));
    List<String> good = new ArrayList<>();
    try (CaptureReader in = CaptureReader.open(f)) {
      assertThatThrownBy(() -> {
        for (CaptureRecord r = in.next(); r != null; r = in.next()) {
          good.add(String.valueOf(r.number()));
        }
      }).isInstanceOf(CaptureFormatException.class)
          .hasMessageStartingWith(f + ": record 2: packet record cut short: 156 bytes wanted")
          .hasMessageEndingWith("(damaged or still being written)")
          .extracting(e -> ((CaptureFormatException) e).record()).isEqualTo(2L);
    }
    assertThat(good).containsExactly("1");
  }

  @Test
  void refusesAnAbsurdRecordLengthBeforeAllocatingForIt() throws Exception {
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.SYN, 1, 0);
    Path f = write("huge.pcap", new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 101)
        .record(packet).record(1, 1, packet, 0xFFFF_FFFF, 0xFFFF_FFFFL).bytes());
    assertThatThrownBy(() -> readAll(f)).hasMessage(f + ": record 2: absurd captured length 4294967295 bytes (at most "
        + CaptureReader.MAX_RECORD_BYTES + "): the record header is damaged");
  }

  @Test
  void refusesAPcapngBlockWithADamagedLength() throws Exception {
    byte[] file = new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN).iface(101, null)
        .packet(0, 1, CaptureBytes.ipv4Tcp(CaptureBytes.SYN, 1, 0), 0).bytes();
    int epb = offsetOfLittleEndian(file, 6);
    file[epb + 4] = (byte) 0xFE;
    file[epb + 5] = (byte) 0xFF;
    file[epb + 6] = (byte) 0xFF;
    file[epb + 7] = (byte) 0x7F;
    Path f = write("bad.pcapng", file);
    assertThatThrownBy(() -> readAll(f)).hasMessageContaining("record 1: enhanced packet block at offset " + epb
        + " has an absurd length");
  }

  private static int offsetOfLittleEndian(byte[] file, int type) {
    for (int i = 0; i + 4 <= file.length; i += 4) {
      if ((file[i] & 0xFF) == type && file[i + 1] == 0 && file[i + 2] == 0 && file[i + 3] == 0) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void keepsRecordsCutByTheSnapLengthWithTheirWireLength() throws Exception {
    byte[] packet = CaptureBytes.ipv4Tcp(CaptureBytes.ACK, 1, 1000);
    Path f = write("snap.pcap", new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 101)
        .record(1, 0, packet, 60, packet.length).bytes());
    try (CaptureReader in = CaptureReader.open(f)) {
      CaptureRecord r = in.next();
      assertThat(r.truncated()).isTrue();
      assertThat(r.capturedLength()).isEqualTo(60);
      assertThat(r.originalLength()).isEqualTo(1040);
      TcpPacketDecoder d = new TcpPacketDecoder();
      assertThat(d.decode(r)).isEqualTo(TcpPacketDecoder.Outcome.TCP);
      assertThat(d.payloadLength()).isEqualTo(1000);
    }
  }

  @Test
  void recordsStraddlingTheWindowsRefillsAndLargerThanItComeOutWhole() throws Exception {
    // Sizes chosen to cross refills at many offsets within a record header and its data, and
    // records larger than the window, which it grows for.
    int[] sizes = {40, 1_500, 65_535, ByteWindow.INITIAL_CAPACITY + 1, 3 * ByteWindow.INITIAL_CAPACITY, 7, 9_000};
    CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 101);
    List<byte[]> written = new ArrayList<>();
    long total = 0;
    for (int i = 0; total < 12L * ByteWindow.INITIAL_CAPACITY + 12_345 || i < 3 * sizes.length; i++) {
      byte[] data = new byte[sizes[i % sizes.length]];
      for (int j = 0; j < data.length; j++) {
        data[j] = (byte) (i * 31 + j);
      }
      pcap.record(data);
      written.add(data);
      total += 16 + data.length;
    }
    Path f = write("straddling.pcap", pcap.bytes());
    int n = 0;
    try (CaptureReader in = CaptureReader.open(f)) {
      for (CaptureRecord r = in.next(); r != null; r = in.next()) {
        byte[] read = Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength());
        assertThat(read).as("record %d", r.number()).isEqualTo(written.get(n));
        n++;
      }
    }
    assertThat(n).isEqualTo(written.size());
  }

  @Test
  void aStreamGivingAFewBytesAtATimeReadsAsTheFileDoesAndIsClosedWithTheReader() throws Exception {
    // A pipe hands over what the writer has written so far: at most 7 bytes a read here, so record
    // headers and data arrive in pieces.
    CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, true, 1);
    for (int i = 0; i < 50; i++) {
      pcap.record(CaptureBytes.ethernet(CaptureBytes.ipv4Tcp(0x10, 1_000 + i, i * 37), 0x0800, i % 2));
    }
    Path f = write("piped.pcap", pcap.bytes());
    boolean[] closed = {false};
    InputStream trickle = new FilterInputStream(new ByteArrayInputStream(pcap.bytes())) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 7));
      }

      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    List<String> fromStream = new ArrayList<>();
    try (CaptureReader in = CaptureReader.open(Path.of("(standard input)"), trickle)) {
      assertThat(in.format()).isEqualTo("pcap (little-endian, nanoseconds, link type 1 ETHERNET)");
      for (CaptureRecord r = in.next(); r != null; r = in.next()) {
        fromStream.add(describe(r));
      }
    }
    assertThat(closed[0]).as("stream closed with the reader").isTrue();
    List<String> fromFile = new ArrayList<>();
    try (CaptureReader in = CaptureReader.open(f)) {
      for (CaptureRecord r = in.next(); r != null; r = in.next()) {
        fromFile.add(describe(r));
      }
    }
    assertThat(fromStream).hasSize(50).isEqualTo(fromFile);
  }

  @Test
  void aStreamThatIsNoCaptureIsNamedAsTheCallerNamedIt() {
    assertThatThrownBy(() -> CaptureReader.open(Path.of("(standard input)"),
        new ByteArrayInputStream("hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
        .isInstanceOf(CaptureFormatException.class).hasMessageStartingWith("(standard input): not a pcap or pcapng");
  }

  private static String describe(CaptureRecord r) {
    return r.number() + " " + r.timestampNanos() + " " + r.originalLength() + " "
        + Arrays.toString(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
  }

  @Test
  void aCutShortRecordPastTheFirstWindowNamesItsFileOffset() throws Exception {
    byte[] data = new byte[ByteWindow.INITIAL_CAPACITY / 3];
    byte[] whole = new CaptureBytes.Pcap(ByteOrder.BIG_ENDIAN, false, 101).record(data).record(data).record(data)
        .record(data).bytes();
    long fourth = 24 + 3L * (16 + data.length);
    Path f = write("cut.pcap", Arrays.copyOf(whole, whole.length - 10));
    assertThatThrownBy(() -> readAll(f)).isInstanceOf(CaptureFormatException.class)
        .hasMessageContaining("record 4").hasMessageContaining("at offset " + fourth);
  }

  @Test
  void aReadFailureReachesTheCaller() {
    // A folder opens as a channel on Linux, and its first read fails.
    assertThatThrownBy(() -> CaptureReader.open(dir)).isInstanceOf(IOException.class);
  }
}
