package dev.chimney.nic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NeighborState;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TargetContext;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.spi.TcpState;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One reference NIC wired to a test clock, a recording host and a captured link, with a scripted
 * peer: a test plays the peer segment by segment and the host call by call.
 */
final class NicFixture {
  static final Inet4Address TARGET = address("192.0.2.10");
  static final Inet4Address NEIGHBOR = address("192.0.2.1");
  static final Inet4Address PEER = address("198.51.100.20");
  static final Inet4Address PEER_2 = address("198.51.100.30");
  static final Inet4Address NOT_OURS = address("203.0.113.7");
  static final int LOCAL_PORT = 40_000;
  static final int REMOTE_PORT = 80;
  /** SndUna of the offloaded connection: the target's first unacknowledged byte. */
  static final long ISS = 1_000;
  /** RcvNxt of the offloaded connection: the peer's next byte. */
  static final long IRS = 5_000;
  static final int MSS = 1_460;
  static final int PATH_MTU = 1_500;
  static final int PEER_WINDOW = 65_535;
  static final int RECEIVE_WINDOW = 65_535;
  static final int PEER_TTL = 64;
  /** Less than any timer of the engine: lets deferred completions run without firing timers. */
  static final long ONE_MS = TimeUnit.MILLISECONDS.toNanos(1);

  final TestClock clock = new TestClock();
  final RecordingHost host = new RecordingHost();
  final WireCapture wire = new WireCapture();
  final ReferenceNic nic;
  private int peerIpId;
  private long hostListIds;

  NicFixture() {
    this(Map.of());
  }

  NicFixture(Map<String, String> settings) {
    nic = new ReferenceNic(new TargetContext(host, wire, clock, TARGET, settings));
  }

  static Inet4Address address(String dotted) {
    try {
      return (Inet4Address) InetAddress.getByName(dotted);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(dotted, e);
    }
  }

  /** The delegated state of an established connection at ISS/IRS with the default windows. */
  static TcpDelegatedState established() {
    return new TcpDelegatedState()
        .set(Field.SND_UNA, ISS).set(Field.SND_NXT, ISS).set(Field.SND_MAX, ISS)
        .set(Field.RCV_NXT, IRS).set(Field.SND_WND, PEER_WINDOW).set(Field.RCV_WND, RECEIVE_WINDOW)
        .setState(TcpConnectionState.ESTABLISHED);
  }

  /** A TCP block list for the default connection. */
  static OffloadBlockList tcpBlock(String name, int localPort, TcpDelegatedState delegated) {
    TcpState tcp = new TcpState(localPort, REMOTE_PORT, 0, 0, MSS, RECEIVE_WINDOW, delegated);
    return new OffloadBlockList(tcp, new NdisOffloadHandle(name));
  }

  static OffloadBlockList pathBlock(String name, Inet4Address source, Inet4Address destination) {
    return new OffloadBlockList(new PathState(source, destination, PATH_MTU), new NdisOffloadHandle(name));
  }

  static OffloadBlockList neighborBlock() {
    return new OffloadBlockList(new NeighborState(NEIGHBOR), new NdisOffloadHandle("Neighbor1"));
  }

  /**
   * Offloads the default connection (Neighbor1 → Path1 → TCP1) with {@code delegated} and the send
   * data {@code chain}, runs the completion, and returns the TCP block list.
   */
  OffloadBlockList offload(TcpDelegatedState delegated, NetBufferList chain) {
    OffloadBlockList tcp = tcpBlock("TCP1", LOCAL_PORT, delegated);
    tcp.setNetBufferListChain(chain);
    OffloadBlockList root = neighborBlock().addDependent(pathBlock("Path1", TARGET, PEER).addDependent(tcp));
    assertThat(nic.initiateOffload(root)).as("initiate returns PENDING").isEqualTo(NdisStatus.PENDING);
    clock.advance(ONE_MS);
    assertThat(host.calls("initiateOffloadComplete")).as("PAR-1: one initiate completion").hasSize(1);
    assertThat(tcp.status()).as("PAR-7: Status of TCP1").isEqualTo(NdisStatus.SUCCESS);
    return tcp;
  }

  /** Offloads an established connection with no send data. */
  OffloadBlockList offloadEstablished() {
    return offload(established(), null);
  }

  /** A host list holding {@code length} bytes: byte i is (seed + i) mod 256, so bytes tell where they came from. */
  NetBufferList hostList(int length, int seed) {
    return new NetBufferList(++hostListIds, NetBuffer.ofData(bytes(length, seed)));
  }

  /** An empty list of {@code capacity} bytes, as the host posts for receives. */
  NetBufferList receiveList(int capacity) {
    return new NetBufferList(++hostListIds, NetBuffer.empty(capacity));
  }

  /** A segment from the peer to the target. */
  static TcpSegment peerSegment(long seq, long ack, int flags, int window, byte[] payload) {
    return new TcpSegment(new Endpoint(PEER, REMOTE_PORT), new Endpoint(TARGET, LOCAL_PORT), seq, ack, flags,
        window, TcpOptions.NONE, payload);
  }

  /** The peer sends a segment with ACK set. */
  void peerSends(long seq, long ack, byte[] payload, TcpFlag... extraFlags) {
    peerSendsRaw(seq, ack, TcpFlag.ACK.bit() | TcpFlag.mask(extraFlags), PEER_WINDOW, payload);
  }

  /** The peer acknowledges up to {@code ack} with its full window. */
  void peerAcks(long ack) {
    peerSends(IRS, ack, new byte[0]);
  }

  void peerSendsRaw(long seq, long ack, int flags, int window, byte[] payload) {
    TcpSegment segment = peerSegment(seq, ack, flags, window, payload);
    nic.receiveFromWire(SegmentCodec.encode(segment, peerIpId++, PEER_TTL));
  }

  /** The raw TCP bytes of a peer segment, as the host forwards them (FWD-4). */
  byte[] peerTcpBytes(long seq, long ack, byte[] payload) {
    TcpSegment segment = peerSegment(seq, ack, TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH), PEER_WINDOW, payload);
    byte[] ip = SegmentCodec.encode(segment, peerIpId++, PEER_TTL);
    int headerLength = (ip[0] & 0x0F) * 4;
    return Arrays.copyOfRange(ip, headerLength, ip.length);
  }

  /** Bytes 0..n-1 as (seed + i) mod 256. */
  static byte[] bytes(int length, int seed) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (seed + i);
    }
    return data;
  }

  /** The data segments (payload not empty) sent after {@code mark}. */
  List<TcpSegment> dataSentSince(int mark) {
    return wire.sentSince(mark).stream().filter(s -> s.payloadLength() > 0).toList();
  }

  /** Every call so far, one per line, for failure messages. */
  String callLog() {
    StringBuilder sb = new StringBuilder();
    host.calls().forEach(c -> sb.append("\n  ").append(c));
    return sb.toString();
  }

  /** Every segment the target sent, one per line, for failure messages. */
  String wireLog() {
    StringBuilder sb = new StringBuilder();
    List<TcpSegment> sent = wire.sent();
    for (int i = 0; i < sent.size(); i++) {
      sb.append("\n  packet #").append(i + 1).append(": ").append(sent.get(i));
    }
    return sb.toString();
  }
}
