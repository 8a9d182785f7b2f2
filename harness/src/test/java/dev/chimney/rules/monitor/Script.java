package dev.chimney.rules.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.rules.Evidence;
import dev.chimney.rules.RuleCatalogue;
import dev.chimney.rules.ScenarioMonitors;
import dev.chimney.rules.ScenarioVerdicts;
import dev.chimney.rules.Verdict;
import dev.chimney.spi.Capability;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.Direction;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic event log, built step by step the way the host driver would record it, and run
 * through {@link ScenarioMonitors}. The connection "TCP1" runs between the target 192.0.2.10:40000
 * and the peer 198.51.100.20:80; after the handshake the target's next byte is {@link #SND} and the
 * peer's {@link #RCV}.
 */
final class Script {
  static final RuleCatalogue CATALOGUE = RuleCatalogue.load();
  static final String CAPTURE = "test.pcapng";
  static final String TCP1 = "TCP1";
  static final long SND = 1001;
  static final long RCV = 5001;
  static final int ACK = TcpFlag.ACK.bit();
  static final int FIN_ACK = TcpFlag.mask(TcpFlag.FIN, TcpFlag.ACK);
  static final int RST = TcpFlag.RST.bit();
  static final int RST_ACK = TcpFlag.mask(TcpFlag.RST, TcpFlag.ACK);
  static final Endpoint TARGET = new Endpoint(address("192.0.2.10"), 40000);
  static final Endpoint PEER = new Endpoint(address("198.51.100.20"), 80);

  private final List<Event> events = new ArrayList<>();
  private final Map<Long, Integer> lengths = new HashMap<>();
  private int packets;

  private static Inet4Address address(String text) {
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private long next() {
    return events.size() + 1L;
  }

  private <E extends Event> E add(E e) {
    events.add(e);
    return e;
  }

  // ------------------------------------------------------------ raw events

  Event.Call call(Api api, String connection, List<NblView> nbls, DisconnectFlags flags, List<BlockView> tree) {
    nbls.forEach(n -> lengths.put(n.id(), n.dataLength()));
    return add(new Event.Call(next(), 0, api, connection, nbls, flags, tree));
  }

  Event.Returned returned(Event.Call call, NdisStatus status) {
    return add(new Event.Returned(next(), 0, call.seq(), call.api(), call.connection(), status, null));
  }

  /** A call the target accepts (returns PENDING). */
  Event.Call pending(Api api, String connection, List<NblView> nbls, DisconnectFlags flags, List<BlockView> tree) {
    Event.Call c = call(api, connection, nbls, flags, tree);
    returned(c, NdisStatus.PENDING);
    return c;
  }

  Event.Upcall upcall(Api api, String connection, List<NblView> nbls, List<BlockView> tree,
      TcpOffloadEvent offloadEvent, TcpUploadReason reason, NdisStatus status) {
    return add(new Event.Upcall(next(), 0, api, connection, nbls, tree, offloadEvent, reason, status, true));
  }

  Event.Packet packet(Direction direction, String connection, long seq, long ack, int flags, byte[] payload) {
    Endpoint from = direction == Direction.TO_PEER ? TARGET : PEER;
    Endpoint to = direction == Direction.TO_PEER ? PEER : TARGET;
    TcpSegment s = new TcpSegment(from, to, seq, ack, flags, 65535, TcpOptions.NONE, payload);
    return add(new Event.Packet(next(), 0, ++packets, direction, s, connection));
  }

  /** A segment towards the peer carrying {@code length} bytes of the stream at {@code seq}. */
  Event.Packet toPeer(long seq, long ack, int flags, int length) {
    return packet(Direction.TO_PEER, TCP1, seq, ack, flags, stream(seq, length));
  }

  /** A segment from the peer carrying {@code length} bytes at {@code seq}. */
  Event.Packet fromPeer(long seq, long ack, int flags, int length) {
    return packet(Direction.TO_TARGET, TCP1, seq, ack, flags, stream(seq, length));
  }

  /** The stream's bytes: a function of the sequence number, so a retransmission repeats them exactly. */
  static byte[] stream(long seq, int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (seq + i);
    }
    return b;
  }

  /** The last upcall so far. */
  Event.Upcall lastUpcall() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof Event.Upcall u) {
        return u;
      }
    }
    throw new IllegalStateException("no upcall yet");
  }

  /** The last call to {@code api} so far. */
  Event.Call lastCall(Api api) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof Event.Call c && c.api() == api) {
        return c;
      }
    }
    throw new IllegalStateException("no call to " + api + " yet");
  }

  // ------------------------------------------------------------ state trees

  static TcpDelegatedState delegated(long sndUna, long sndNxt, long sndMax, long rcvNxt) {
    return new TcpDelegatedState().set(TcpDelegatedState.Field.SND_UNA, sndUna)
        .set(TcpDelegatedState.Field.SND_NXT, sndNxt).set(TcpDelegatedState.Field.SND_MAX, sndMax)
        .set(TcpDelegatedState.Field.RCV_NXT, rcvNxt).setState(TcpConnectionState.ESTABLISHED);
  }

  static BlockView block(String name, String parent, OffloadStateType type, NdisStatus status) {
    return new BlockView(name, parent, type, status, null, null, List.of());
  }

  static BlockView tcp(String name, String parent, NdisStatus status, List<NblView> chain, TcpDelegatedState d) {
    return new BlockView(name, parent, OffloadStateType.TCP, status, chain, d, List.of());
  }

  static NblView nbl(long id, int length) {
    return new NblView(id, NdisStatus.SUCCESS, length, 1);
  }

  static NblView nbl(long id, int length, NdisStatus status) {
    return new NblView(id, status, length, 1);
  }

  /** Neighbor1, Path1 and one TCP object, all with {@code status}. */
  static List<BlockView> oneConnection(String tcp, NdisStatus status, TcpDelegatedState d) {
    return List.of(block("Neighbor1", null, OffloadStateType.NEIGHBOR, status),
        block("Path1", "Neighbor1", OffloadStateType.PATH, status), tcp(tcp, "Path1", status, null, d));
  }

  // ------------------------------------------------------------ steps

  /** Offloads TCP1 (delegated SndUna = SndNxt = SndMax = {@link #SND}, RcvNxt = {@link #RCV}); the target offloads it. */
  Script offload() {
    return offload(SND, RCV);
  }

  Script offload(long snd, long rcv) {
    pending(Api.INITIATE_OFFLOAD, null, List.of(), null, oneConnection(TCP1, NdisStatus.PENDING, delegated(snd, snd, snd, rcv)));
    upcall(Api.INITIATE_OFFLOAD_COMPLETE, null, List.of(), oneConnection(TCP1, NdisStatus.SUCCESS, null), null, null, null);
    return this;
  }

  Event.Call send(long... ids) {
    List<NblView> nbls = new ArrayList<>();
    for (long id : ids) {
      nbls.add(nbl(id, 100));
    }
    return pending(Api.TCP_OFFLOAD_SEND, TCP1, nbls, null, List.of());
  }

  Event.Upcall sendComplete(NdisStatus status, long... ids) {
    List<NblView> nbls = new ArrayList<>();
    for (long id : ids) {
      nbls.add(nbl(id, lengths.getOrDefault(id, 100), status));
    }
    return upcall(Api.TCP_OFFLOAD_SEND_COMPLETE, null, nbls, List.of(), null, null, null);
  }

  Event.Call disconnect(long id, DisconnectFlags flags, int length) {
    return pending(Api.TCP_OFFLOAD_DISCONNECT, TCP1, List.of(nbl(id, length)), flags, List.of());
  }

  Event.Upcall disconnectComplete(long id, NdisStatus status) {
    return upcall(Api.TCP_OFFLOAD_DISCONNECT_COMPLETE, null, List.of(nbl(id, lengths.getOrDefault(id, 0), status)),
        List.of(), null, null, null);
  }

  /** MiniportTerminateOffload of TCP1 alone, accepted. */
  Event.Call terminate() {
    return pending(Api.TERMINATE_OFFLOAD, null, List.of(), null, List.of(tcp(TCP1, "Path1", NdisStatus.PENDING, null, null)));
  }

  Event.Upcall terminateComplete(NdisStatus status, List<NblView> chain, TcpDelegatedState d) {
    return upcall(Api.TERMINATE_OFFLOAD_COMPLETE, null, List.of(), List.of(tcp(TCP1, "Path1", status, chain, d)),
        null, null, null);
  }

  Event.Upcall terminateComplete(TcpDelegatedState d) {
    return terminateComplete(NdisStatus.SUCCESS, null, d);
  }

  Event.Upcall receiveIndicate(int length) {
    return upcall(Api.TCP_OFFLOAD_RECEIVE_INDICATE, TCP1, List.of(new NblView(-1, NdisStatus.SUCCESS, length, 1)),
        List.of(), null, null, NdisStatus.SUCCESS);
  }

  Event.Upcall retrieve(String connection, TcpUploadReason reason) {
    return upcall(Api.TCP_OFFLOAD_EVENT, connection, List.of(), List.of(), TcpOffloadEvent.INDICATE_RETRIEVE, reason, null);
  }

  Event.Upcall indicateStatus(NdisStatus status) {
    return upcall(Api.INDICATE_STATUS, null, List.of(), List.of(), null, null, status);
  }

  /** The host's ordinary send path puts one of its own segments on the wire. */
  Event.Packet hostSends(long seq, long ack, int flags, int length) {
    pending(Api.SEND_NET_BUFFER_LISTS, TCP1, List.of(), null, List.of());
    return toPeer(seq, ack, flags, length);
  }

  // ------------------------------------------------------------ judging

  /** Runs the log through the monitors of a target declaring {@code capabilities}. */
  ScenarioVerdicts run(Capability... capabilities) {
    EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
    caps.addAll(List.of(capabilities));
    ScenarioMonitors monitors = new ScenarioMonitors(CATALOGUE, caps, "synthetic", CAPTURE);
    events.forEach(monitors::onEvent);
    return monitors.finish();
  }

  /** Runs with every capability. */
  ScenarioVerdicts run() {
    return run(Capability.values());
  }

  /** Asserts the rule passed (exercised, no evidence). */
  static void assertPass(ScenarioVerdicts v, String rule) {
    assertThat(v.verdict(rule)).as("%s: expected PASS, actual %s; evidence %s", rule, v.verdict(rule), v.evidence())
        .isEqualTo(Verdict.PASS);
  }

  /** Asserts the rule failed, with evidence naming it and citing {@code where} (an event or a packet). */
  static void assertFail(ScenarioVerdicts v, String rule, Event where) {
    String cite = where instanceof Event.Packet p
        ? "capture " + CAPTURE + " packet " + p.packetNumber() + " " : "event #" + where.seq() + " ";
    assertThat(v.verdict(rule)).as("%s: expected FAIL, actual %s; evidence %s", rule, v.verdict(rule), v.evidence())
        .isEqualTo(Verdict.FAIL);
    assertThat(v.evidence().stream().filter(e -> e.ruleId().equals(rule)).map(Evidence::message))
        .as("%s: expected evidence citing %s, actual %s", rule, cite.trim(), v.evidence())
        .anySatisfy(m -> assertThat(m).startsWith(rule + ": expected ").contains(cite));
  }
}
