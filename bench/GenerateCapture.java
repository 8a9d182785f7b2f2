import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large classic pcap (Ethernet, little-endian, microseconds) for bench/check-trace: many
 * TCP connections between peers in 198.51.100.0/24 and the offload target 192.0.2.1:80, 64 open at
 * a time, their packets interleaved. Each connection: handshake, 45 full-size data segments from
 * the peer each acknowledged by the target, then the target's FIN, the peer's FIN and the last ACK;
 * one in ten is instead reset by the peer after its data. Payload bytes are zeros: the file is about
 * the size of a real capture with the same packet mix, and the generator stays fast.
 *
 * <p>Run: java bench/GenerateCapture.java OUT.pcap PACKETS
 */
public final class GenerateCapture {
  private static final int MSS = 1448;
  private static final int DATA_SEGMENTS = 45;
  private static final int OPEN_AT_ONCE = 64;
  private static final long STEP_MICROS = 10;
  private static final int ETH = 14;
  private static final int IP = 20;
  private static final int TCP = 32;
  private static final int SYN = 0x02;
  private static final int ACK = 0x10;
  private static final int FIN = 0x01;
  private static final int RST = 0x04;
  private static final int PSH = 0x08;
  /** Destination and source MAC: fixed, the generator does not model the link. */
  private static final byte[] MACS = {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2};
  /** TCP options: NOP, NOP, timestamps (kind 8, length 10) with TSval 1 and TSecr 1. */
  private static final byte[] TIMESTAMP_OPTION = {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 1};

  private final OutputStream out;
  private final ByteBuffer header = ByteBuffer.allocate(16 + ETH + IP + TCP).order(ByteOrder.LITTLE_ENDIAN);
  private final byte[] zeros = new byte[MSS];
  private long micros;
  private long written;

  private GenerateCapture(OutputStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    long packets = Long.parseLong(args[1]);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])), 1 << 20)) {
      ByteBuffer fileHeader = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      fileHeader.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
      os.write(fileHeader.array());
      new GenerateCapture(os).run(packets);
    }
  }

  /** One connection's script, advanced one packet at a time. */
  private static final class Conn {
    final int peerAddress;
    final int peerPort;
    final long peerIsn;
    final long targetIsn;
    final boolean reset;
    int step;

    Conn(int n) {
      peerAddress = 0xC6336400 | (1 + n % 250); // 198.51.100.1-250
      peerPort = 1024 + (n * 7) % 60000;
      peerIsn = (n * 2654435761L) & 0xFFFFFFFFL;
      targetIsn = (n * 40503L + 12345) & 0xFFFFFFFFL;
      reset = n % 10 == 9;
    }

    int length() {
      return 3 + 2 * DATA_SEGMENTS + (reset ? 1 : 4);
    }
  }

  private void run(long packets) throws IOException {
    Conn[] open = new Conn[OPEN_AT_ONCE];
    int next = 0;
    for (int i = 0; i < OPEN_AT_ONCE; i++) {
      open[i] = new Conn(next++);
    }
    for (int i = 0; written < packets; i = (i + 1) % OPEN_AT_ONCE) {
      Conn c = open[i];
      emit(c);
      if (++c.step == c.length()) {
        open[i] = new Conn(next++);
      }
    }
  }

  private void emit(Conn c) throws IOException {
    int s = c.step;
    long peerData = (c.peerIsn + 1) & 0xFFFFFFFFL;
    long targetSeq = (c.targetIsn + 1) & 0xFFFFFFFFL;
    long peerEnd = (peerData + (long) MSS * DATA_SEGMENTS) & 0xFFFFFFFFL;
    if (s == 0) {
      packet(c, true, c.peerIsn, 0, SYN, 0);
    } else if (s == 1) {
      packet(c, false, c.targetIsn, peerData, SYN | ACK, 0);
    } else if (s == 2) {
      packet(c, true, peerData, targetSeq, ACK, 0);
    } else if (s < 3 + 2 * DATA_SEGMENTS) {
      int k = (s - 3) / 2;
      long seq = (peerData + (long) MSS * k) & 0xFFFFFFFFL;
      if ((s - 3) % 2 == 0) {
        packet(c, true, seq, targetSeq, ACK | PSH, MSS);
      } else {
        packet(c, false, targetSeq, (seq + MSS) & 0xFFFFFFFFL, ACK, 0);
      }
    } else if (c.reset) {
      packet(c, true, peerEnd, targetSeq, RST | ACK, 0);
    } else {
      int k = s - 3 - 2 * DATA_SEGMENTS;
      switch (k) {
        case 0 -> packet(c, false, targetSeq, peerEnd, FIN | ACK, 0);
        case 1 -> packet(c, true, peerEnd, (targetSeq + 1) & 0xFFFFFFFFL, ACK, 0);
        case 2 -> packet(c, true, peerEnd, (targetSeq + 1) & 0xFFFFFFFFL, FIN | ACK, 0);
        default -> packet(c, false, (targetSeq + 1) & 0xFFFFFFFFL, (peerEnd + 1) & 0xFFFFFFFFL, ACK, 0);
      }
    }
  }

  private void packet(Conn c, boolean fromPeer, long seq, long ack, int flags, int payload) throws IOException {
    micros += STEP_MICROS;
    int length = ETH + IP + TCP + payload;
    ByteBuffer h = header.clear();
    h.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
        .putInt(length).putInt(length);
    h.order(ByteOrder.BIG_ENDIAN);
    h.put(MACS).putShort((short) 0x0800);
    int src = fromPeer ? c.peerAddress : 0xC0000201;
    int dst = fromPeer ? 0xC0000201 : c.peerAddress;
    h.put((byte) 0x45).put((byte) 0).putShort((short) (IP + TCP + payload)).putShort((short) 0).putShort((short) 0x4000)
        .put((byte) 64).put((byte) 6).putShort((short) 0).putInt(src).putInt(dst);
    h.putShort((short) (fromPeer ? c.peerPort : 80)).putShort((short) (fromPeer ? 80 : c.peerPort))
        .putInt((int) seq).putInt((int) ack).put((byte) ((TCP / 4) << 4)).put((byte) flags).putShort((short) 502)
        .putShort((short) 0).putShort((short) 0).put(TIMESTAMP_OPTION);
    out.write(h.array(), 0, h.position());
    out.write(zeros, 0, payload);
    written++;
  }
}
