package dev.chimney.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@link PcapngWriter}'s output with Wireshark's own reader, {@code tshark}, when it is
 * installed: the structural test proves we wrote what we meant, this one that it is what
 * Wireshark means. Checksum validation is turned on, so it also checks {@link SegmentCodec}
 * against an independent implementation.
 */
class PcapngTsharkTest {
  /** How long tshark may take to read a three-packet file, generously, on a loaded CI machine. */
  private static final Duration TSHARK_TIMEOUT = Duration.ofSeconds(60);
  /** tshark's notice when run as root, as in CI containers: about the environment, not the file. */
  private static final String ROOT_NOTICE = "Running as user \"root\"";
  /** Wireshark's checksum status value for a verified checksum (0 is bad, 2 unverified). */
  private static final String CHECKSUM_GOOD = "1";
  private static final String AGGREGATOR = "|";

  @Test
  void tsharkReadsEveryPacketWithItsCommentsDirectionTimeAndGoodChecksums(@TempDir Path dir)
      throws IOException, InterruptedException {
    Optional<Path> tshark = findOnPath("tshark");
    assumeTrue(tshark.isPresent(), "tshark is not on PATH; install it (apt-get install tshark) to run this test");
    Path capture = dir.resolve("capture.pcapng");
    PcapngWriter.write(capture, CaptureFixture.play());

    TsharkRun run = runTshark(tshark.get(), capture, dir);

    assertThat(run.exitCode()).as("tshark exit code; stderr: %s", run.stderr()).isZero();
    assertThat(run.stderr()).as("tshark warnings reading %s", capture).isEmpty();
    assertThat(run.stdout()).as("tshark fields: number, comments, direction, epoch time, IP and TCP checksum")
        .containsExactly(
            "1\t\t0x00000002\t1767225600.000000000\t" + CHECKSUM_GOOD + "\t" + CHECKSUM_GOOD,
            "2\t" + CaptureFixture.STEP_COMMENT + AGGREGATOR + CaptureFixture.API_COMMENT
                + "\t0x00000001\t1767225600.000100000\t" + CHECKSUM_GOOD + "\t" + CHECKSUM_GOOD,
            "3\t" + CaptureFixture.NON_ASCII_COMMENT
                + "\t0x00000002\t1767225600.000100001\t" + CHECKSUM_GOOD + "\t" + CHECKSUM_GOOD);
  }

  private record TsharkRun(int exitCode, List<String> stdout, List<String> stderr) {}

  private static TsharkRun runTshark(Path tshark, Path capture, Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("tshark.out");
    Path err = dir.resolve("tshark.err");
    Process process = new ProcessBuilder(tshark.toString(), "-r", capture.toString(),
        "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
        "-T", "fields", "-E", "aggregator=" + AGGREGATOR,
        "-e", "frame.number", "-e", "frame.comment", "-e", "frame.packet_flags_direction",
        "-e", "frame.time_epoch", "-e", "ip.checksum.status", "-e", "tcp.checksum.status")
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(TSHARK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tshark did not finish reading " + capture + " within " + TSHARK_TIMEOUT);
    }
    List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith(ROOT_NOTICE))
        .toList();
    return new TsharkRun(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), stderr);
  }

  private static Optional<Path> findOnPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
