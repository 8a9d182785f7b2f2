package dev.chimney.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Damaged captures: valid files of every flavour with bytes overwritten and tails cut. Whatever
 * the damage, the reader and decoder either read the file or stop with a {@link
 * CaptureFormatException} naming the file: no other exception, no hang, no huge allocation. The
 * default build runs a short budget; {@code -P fuzz-long} a long one.
 */
class CaptureReaderFuzzTest {
  private static final List<byte[]> SEEDS = seeds();

  private static List<byte[]> seeds() {
    byte[] v4 = CaptureBytes.ipv4Tcp(CaptureBytes.ACK, 1, 20);
    byte[] v6 = CaptureBytes.ipv6Tcp(CaptureBytes.SYN, 2, 0);
    return List.of(
        new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 1).record(CaptureBytes.ethernet(v4, 0x0800, 1))
            .record(CaptureBytes.ethernet(v6, 0x86DD, 0)).bytes(),
        new CaptureBytes.Pcap(ByteOrder.BIG_ENDIAN, true, 276).record(CaptureBytes.sll2(v4, 0x0800)).record(v4).bytes(),
        new CaptureBytes.Pcapng(ByteOrder.LITTLE_ENDIAN).iface(101, 9).packet(0, 5, v4, 2, "#1 host: x")
            .block(0x99, new byte[8]).simplePacket(v6).bytes(),
        new CaptureBytes.Pcapng(ByteOrder.BIG_ENDIAN).iface(113, 0x83).packet(0, 5, CaptureBytes.sll(v6, 0x86DD), 1)
            .bytes());
  }

  record Damage(int seed, int[] positions, byte[] values, int cut) {}

  @Provide
  Arbitrary<Damage> damage() {
    return Combinators.combine(
        Arbitraries.integers().between(0, SEEDS.size() - 1),
        Arbitraries.integers().between(0, 400).array(int[].class).ofMaxSize(6),
        Arbitraries.bytes().array(byte[].class).ofSize(6),
        Arbitraries.integers().between(0, 400)).as(Damage::new);
  }

  @Property
  void damagedCapturesReadOrFailCleanly(@ForAll("damage") Damage d) throws Exception {
    byte[] file = SEEDS.get(d.seed()).clone();
    for (int i = 0; i < d.positions().length; i++) {
      file[d.positions()[i] % file.length] = d.values()[i];
    }
    file = Arrays.copyOf(file, Math.max(0, file.length - d.cut() % (file.length + 1)));
    Path f = Files.createTempFile("fuzz", ".cap");
    try {
      Files.write(f, file);
      try (CaptureReader in = CaptureReader.open(f)) {
        TcpPacketDecoder decoder = new TcpPacketDecoder();
        for (CaptureRecord r = in.next(); r != null; r = in.next()) {
          decoder.decode(r);
          assertThat(r.capturedLength()).isBetween(0, CaptureReader.MAX_RECORD_BYTES);
        }
      } catch (CaptureFormatException e) {
        assertThat(e.getMessage()).startsWith(f.toString()).doesNotContain("\n");
      }
    } finally {
      Files.delete(f);
    }
  }
}
