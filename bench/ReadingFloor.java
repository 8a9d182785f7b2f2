import dev.chimney.wire.capture.CaptureReader;
import dev.chimney.wire.capture.CaptureRecord;
import dev.chimney.wire.capture.TcpPacketDecoder;
import java.nio.file.Path;

/**
 * What check-trace cannot go below: a JVM that only reads a capture with chimney's reader, one
 * record after another as check-trace must (each record's length says where the next begins), and
 * in the second way also decodes each TCP header, judging nothing. bench/check-trace times it with
 * the launcher's JVM settings for check-trace, start-up included, so the difference between this
 * and check-trace is what naming the connections and running the monitors add.
 *
 * <ul>
 *   <li>{@code read}: {@code CaptureReader.next} on every record;
 *   <li>{@code decode}: the same and {@code TcpPacketDecoder.decode} on every record.
 * </ul>
 *
 * <p>Prints the records read and the TCP segments decoded (none when only reading), so that the
 * work cannot be skipped. Run (bench/check-trace compiles and runs it): ReadingFloor FILE read|decode
 */
public final class ReadingFloor {
  public static void main(String[] args) throws Exception {
    boolean decode = switch (args[1]) {
      case "read" -> false;
      case "decode" -> true;
      default -> throw new IllegalArgumentException("read or decode, not " + args[1]);
    };
    long records = 0;
    long tcp = 0;
    TcpPacketDecoder decoder = new TcpPacketDecoder();
    try (CaptureReader in = CaptureReader.open(Path.of(args[0]))) {
      for (CaptureRecord r = in.next(); r != null; r = in.next()) {
        records++;
        if (decode && decoder.decode(r) == TcpPacketDecoder.Outcome.TCP) {
          tcp++;
        }
      }
    }
    System.out.println(records + " " + tcp);
  }
}
