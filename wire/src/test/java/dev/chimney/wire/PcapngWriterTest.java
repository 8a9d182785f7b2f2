package dev.chimney.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.chimney.wire.PcapngFile.Block;
import dev.chimney.wire.PcapngFile.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcapng structure, read back with {@link PcapngFile}. */
class PcapngWriterTest {
  private static final int SHB = 0x0A0D0D0A;
  private static final int IDB = 1;
  private static final int EPB = 6;
  private static final int EPB_FIXED_FIELDS = 20;
  private static final long BASE_NANOS = 1_767_225_600L * 1_000_000_000L;

  private static final String GOLDEN_CAPTURE = "handshake-and-data.pcapng";

  private final List<CapturedPacket> packets = CaptureFixture.play();
  private final List<Block> blocks = PcapngFile.blocks(PcapngWriter.toBytes(packets));

  @Test
  void oneSectionOneInterfaceAndOneEnhancedPacketPerPacket() {
    assertThat(blocks).extracting(Block::type).containsExactly(SHB, IDB, EPB, EPB, EPB);
  }

  @Test
  void everyBlockRepeatsItsLengthAndIsWordAligned() {
    for (Block block : blocks) {
      assertThat(block.trailingLength()).as("trailing length of block type %d", block.type())
          .isEqualTo(block.leadingLength());
      assertThat(block.leadingLength() % 4).as("length of block type %d mod 4", block.type()).isZero();
    }
  }

  @Test
  void sectionHeaderIsLittleEndianVersionOneWithUnspecifiedLength() {
    ByteBuffer shb = blocks.get(0).bodyBuffer();

    assertThat(shb.getInt()).as("byte-order magic").isEqualTo(0x1A2B3C4D);
    assertThat(shb.getShort()).as("major").isEqualTo((short) 1);
    assertThat(shb.getShort()).as("minor").isEqualTo((short) 0);
    assertThat(shb.getLong()).as("section length").isEqualTo(-1L);
  }

  @Test
  void interfaceIsRawIpWithNanosecondTimestampsAndItsName() {
    Block idb = blocks.get(1);
    ByteBuffer fixed = idb.bodyBuffer();

    assertThat(fixed.getShort()).as("link type").isEqualTo((short) 101);
    assertThat(fixed.getShort()).as("reserved").isZero();
    assertThat(fixed.getInt()).as("snaplen").isZero();
    List<Option> options = PcapngFile.options(idb.body(), 8);
    assertThat(options).extracting(Option::code).containsExactly(2, 9, 0);
    assertThat(options.get(0).text()).isEqualTo("chimney-link");
    assertThat(options.get(1).value()).containsExactly(9);
  }

  @Test
  void eachPacketKeepsItsBytesTimeDirectionAndComments() {
    for (CapturedPacket packet : packets) {
      Block epb = blocks.get(packet.number() + 1);
      ByteBuffer fixed = epb.bodyBuffer();
      byte[] bytes = packet.bytes();

      assertThat(fixed.getInt()).as("interface of packet %d", packet.number()).isZero();
      long timestamp = (Integer.toUnsignedLong(fixed.getInt()) << 32) | Integer.toUnsignedLong(fixed.getInt());
      assertThat(timestamp).as("timestamp of packet %d", packet.number()).isEqualTo(BASE_NANOS + packet.timeNanos());
      assertThat(fixed.getInt()).as("captured length").isEqualTo(bytes.length);
      assertThat(fixed.getInt()).as("original length").isEqualTo(bytes.length);
      byte[] data = new byte[bytes.length];
      fixed.get(data);
      assertThat(data).as("data of packet %d", packet.number()).containsExactly(bytes);

      int optionsAt = EPB_FIXED_FIELDS + (bytes.length + 3) / 4 * 4;
      List<Option> options = PcapngFile.options(epb.body(), optionsAt);
      assertThat(options.get(0).code()).as("first option is epb_flags").isEqualTo(2);
      assertThat(options.get(0).u32()).as("epb_flags of packet %d (%s)", packet.number(), packet.direction())
          .isEqualTo(packet.direction() == Direction.TO_TARGET ? 0b01 : 0b10);
      assertThat(options.subList(1, options.size() - 1)).extracting(Option::text)
          .as("comments of packet %d", packet.number()).isEqualTo(packet.comments());
      assertThat(options.get(options.size() - 1).code()).as("last option is opt_endofopt").isZero();
    }
  }

  @Test
  void theFixtureIsCapturedAtTheTargetsPort() {
    long delay = SimulatedLink.DEFAULT_PROPAGATION_DELAY_NANOS;

    assertThat(packets).extracting(CapturedPacket::number, CapturedPacket::timeNanos, CapturedPacket::direction)
        .as("SYN when sent, SYN-ACK when it reaches the target (sent one delay after the SYN), data when sent")
        .containsExactly(
            tuple(1, 0L, Direction.TO_PEER),
            tuple(2, 2 * delay, Direction.TO_TARGET),
            tuple(3, 2 * delay + 1, Direction.TO_PEER));
  }

  @Test
  void theFixtureCarriesTheCommentsTheTestsLookFor() {
    assertThat(packets).extracting(CapturedPacket::comments).containsExactly(
        List.of(),
        List.of(CaptureFixture.STEP_COMMENT, CaptureFixture.API_COMMENT),
        List.of(CaptureFixture.NON_ASCII_COMMENT));
  }

  /**
   * Any change to the file format shows here. If it is meant, check the new output with
   * {@code tshark -r} and Wireshark, then replace the golden file with {@code PcapngWriter.toBytes(
   * CaptureFixture.play())}.
   */
  @Test
  void theFixtureIsWrittenByteForByteAsTheGoldenCapture() throws IOException {
    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream(GOLDEN_CAPTURE)) {
      assertThat(in).as("golden capture %s on the test classpath", GOLDEN_CAPTURE).isNotNull();
      golden = in.readAllBytes();
    }

    byte[] written = PcapngWriter.toBytes(packets);

    assertThat(Arrays.mismatch(written, golden)).as("first byte where the output differs from %s", GOLDEN_CAPTURE)
        .isEqualTo(-1);
  }

  @Test
  void writeCreatesParentDirectoriesAndWritesTheSameBytes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("runs/run-1/capture.pcapng");

    PcapngWriter.write(file, packets);

    assertThat(Files.readAllBytes(file)).isEqualTo(PcapngWriter.toBytes(packets));
  }

  @Test
  void twoIdenticalRunsGiveByteIdenticalFiles(@TempDir Path dir) throws IOException {
    Path first = dir.resolve("first.pcapng");
    Path second = dir.resolve("second.pcapng");

    PcapngWriter.write(first, CaptureFixture.play());
    PcapngWriter.write(second, CaptureFixture.play());

    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }
}
