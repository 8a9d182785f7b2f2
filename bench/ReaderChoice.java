import dev.chimney.wire.capture.CaptureReader;
import dev.chimney.wire.capture.CaptureRecord;
import dev.chimney.wire.capture.TcpPacketDecoder;
import java.nio.file.Path;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;

/**
 * Why check-trace reads captures with its own reader, not pcap4j's: the three ways of reading the
 * first N packets of one capture, timed in the same JVM on the same file, each after a warm-up pass,
 * each counting the TCP segments it finds (so that none can skip the work):
 *
 * <ul>
 *   <li>pcap4j, raw: {@code PcapHandle.getNextRawPacket} (libpcap through JNA), headers found by hand;
 *   <li>pcap4j, dissected: {@code PcapHandle.getNextPacket}, the packet objects pcap4j builds;
 *   <li>chimney: {@code CaptureReader} and {@code TcpPacketDecoder}, what check-trace runs.
 * </ul>
 *
 * <p>Run (bench/check-trace does): java -cp 'harness/target/lib/*' bench/ReaderChoice.java FILE PACKETS
 */
public final class ReaderChoice {
  private static final int ETHERNET_HEADER = 14;
  private static final int PROTO_AT = 9;
  private static final int PROTO_TCP = 6;

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long packets = Long.parseLong(args[1]);
    String[] names = {"pcap4j-raw", "pcap4j-dissected", "chimney"};
    for (int way = 0; way < names.length; way++) {
      count(way, file, packets); // warm-up: the JIT, the page cache, libpcap's buffers
      long start = System.nanoTime();
      long tcp = count(way, file, packets);
      long nanos = System.nanoTime() - start;
      System.out.printf("%s %d %d %.1f%n", names[way], packets, tcp, (double) nanos / packets);
    }
  }

  /** The TCP segments among the first {@code packets} packets, read the {@code way}-th way. */
  private static long count(int way, Path file, long packets) throws Exception {
    if (way == 2) {
      return chimney(file, packets);
    }
    long tcp = 0;
    PcapHandle handle = Pcaps.openOffline(file.toString());
    try {
      for (long n = 0; n < packets; n++) {
        if (way == 0) {
          byte[] raw = handle.getNextRawPacket();
          if (raw == null) {
            break;
          }
          if (raw.length > ETHERNET_HEADER + PROTO_AT && raw[ETHERNET_HEADER + PROTO_AT] == PROTO_TCP) {
            tcp++;
          }
        } else {
          Packet p = handle.getNextPacket();
          if (p == null) {
            break;
          }
          if (p.contains(TcpPacket.class)) {
            tcp++;
          }
        }
      }
    } finally {
      handle.close();
    }
    return tcp;
  }

  private static long chimney(Path file, long packets) throws Exception {
    long tcp = 0;
    TcpPacketDecoder decoder = new TcpPacketDecoder();
    try (CaptureReader in = CaptureReader.open(file)) {
      CaptureRecord r = in.next();
      for (long n = 0; n < packets && r != null; n++, r = in.next()) {
        if (decoder.decode(r) == TcpPacketDecoder.Outcome.TCP) {
          tcp++;
        }
      }
    }
    return tcp;
  }
}
