package dev.chimney.faulty;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.TargetClock;
import dev.chimney.spi.TargetContext;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.spi.Link;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.TcpSegment;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One faulty adapter: a reference NIC behind the SPI, with this object on every side of it. To the
 * harness it is the {@link OffloadTarget}; to the NIC it is the {@link OffloadHost} and the {@link
 * Link}. Every method passes its call on unchanged and notes what crossed in {@link #connections};
 * a fault overrides the few it breaks, calling {@code super} for what it lets through.
 *
 * <p>Threading: faulty targets declare VIRTUAL_TIME, as the NIC they wrap: the harness calls the
 * target on its host thread, and the NIC makes its upcalls and transmissions from tasks of the
 * virtual clock on that same thread. Nothing here is synchronized.
 */
public abstract class Interposer implements OffloadTarget, OffloadHost, Link {
  /** TTL of segments a fault makes up: the reference NIC's. */
  private static final int INJECTED_TTL = 64;
  /** IP identifications of made-up segments start here, far from the NIC's own, to tell them apart in captures. */
  private static final int INJECTED_IP_ID_BASE = 0xF000;
  private static final int IP_ID_MASK = 0xFFFF;

  /** What this adapter learned of its connections. */
  protected final Connections connections = new Connections();

  private OffloadTarget nic;
  private OffloadHost host;
  private Link wire;
  private TargetClock clock;
  private Inet4Address localAddress;
  private int nextIpId = INJECTED_IP_ID_BASE;
  private long nextListSequence;

  /** Creates the NIC with this interposer as its host and link. Called once, by {@link Fault#create}. */
  final void attach(TargetContext context, OffloadTargetProvider reference) throws Exception {
    host = context.host();
    wire = context.link();
    clock = context.clock();
    localAddress = context.localAddress();
    nic = reference.create(new TargetContext(this, this, clock, localAddress, context.settings()));
  }

  // ---- for faults

  /** The wrapped reference NIC. */
  protected final OffloadTarget nic() {
    return nic;
  }

  /** The harness's host: completions and indications sent here reach it unchanged. */
  protected final OffloadHost host() {
    return host;
  }

  /** The target's IPv4 address. */
  protected final Inet4Address localAddress() {
    return localAddress;
  }

  /** Runs {@code task} once the current task is done, as the NIC defers its completions. */
  protected final void later(Runnable task) {
    clock.execute(task);
  }

  /** Puts a segment the fault made up on the wire, as the target's. */
  protected final void inject(TcpSegment segment) {
    transmitUnchanged(SegmentCodec.encode(segment, nextIpId, INJECTED_TTL));
    nextIpId = (nextIpId + 1) & IP_ID_MASK;
  }

  /** Puts {@code ipPacket} on the wire and notes it, bypassing any fault in {@link #transmit}. */
  protected final void transmitUnchanged(byte[] ipPacket) {
    decode(ipPacket).ifPresent(s -> connections.bySegment(s).ifPresent(c -> c.sent(s)));
    wire.transmit(ipPacket);
  }

  /** An empty list made by the target, for faults that hand back something where nothing was due. */
  protected final NetBufferList emptyList() {
    return NetBufferList.createdByTarget(++nextListSequence, NetBuffer.empty(0));
  }

  /** {@code lists} linked anew into a chain, in the given order; null when there is none. */
  protected static NetBufferList chain(List<NetBufferList> lists) {
    return lists.isEmpty() ? null : NetBufferList.chain(new ArrayList<>(lists));
  }

  /** The segment of an IPv4 packet, or empty when it is no well-formed TCP packet. */
  protected static Optional<TcpSegment> decode(byte[] ipPacket) {
    try {
      return Optional.of(SegmentCodec.decode(ipPacket));
    } catch (MalformedPacketException | RuntimeException e) {
      return Optional.empty();
    }
  }

  // ---- OffloadTarget: the harness's calls

  @Override
  public NdisStatus initiateOffload(OffloadBlockList root) {
    Map<OffloadBlockList, Long> sndUna = new HashMap<>();
    for (OffloadBlockList node : root.walk()) {
      if (node.stateType() == OffloadStateType.TCP) {
        node.tcpState().delegated().sndUna().ifPresent(v -> sndUna.put(node, v));
      }
    }
    NdisStatus status = nic.initiateOffload(root);
    connections.learn(root, localAddress, sndUna);
    return status;
  }

  @Override
  public NdisStatus terminateOffload(OffloadBlockList root) {
    connections.in(root).forEach(c -> c.terminating = true);
    return nic.terminateOffload(root);
  }

  @Override
  public NdisStatus tcpOffloadSend(Object context, NetBufferList chain) {
    connections.byContext(context).ifPresent(c -> c.delivered(chain));
    return nic.tcpOffloadSend(context, chain);
  }

  @Override
  public NdisStatus tcpOffloadReceive(Object context, NetBufferList chain) {
    return nic.tcpOffloadReceive(context, chain);
  }

  @Override
  public void tcpOffloadReceiveReturn(NetBufferList chain) {
    nic.tcpOffloadReceiveReturn(chain);
  }

  @Override
  public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
    return passDisconnect(context, nbl, nbl, flags);
  }

  /**
   * Notes the host's disconnect of {@code hostList} and hands the NIC {@code nicList} instead: for
   * faults that change what the NIC is asked to do. The fault completes {@code hostList} itself.
   */
  protected final NdisStatus passDisconnect(Object context, NetBufferList hostList, NetBufferList nicList,
      DisconnectFlags flags) {
    connections.byContext(context).ifPresent(c -> {
      c.pendingDisconnect = hostList;
      c.pendingDisconnectFlags = flags;
      c.disconnectRequested = true;
      c.abortiveRequested |= flags == DisconnectFlags.ABORTIVE_CLOSE;
    });
    return nic.tcpOffloadDisconnect(context, nicList, flags);
  }

  @Override
  public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
    return nic.tcpOffloadForward(context, chain);
  }

  /** The host's own packets go straight to the wire, as the reference NIC sends them: no fault touches them. */
  @Override
  public void sendNetBufferLists(byte[] ipPacket) {
    wire.transmit(ipPacket);
  }

  @Override
  public void receiveFromWire(byte[] ipPacket) {
    decode(ipPacket).ifPresent(s -> connections.bySegment(s).filter(c -> !c.terminated).ifPresent(c -> c.received(s)));
    nic.receiveFromWire(ipPacket);
  }

  @Override
  public void requestUploadAll() {
    nic.requestUploadAll();
  }

  @Override
  public void requestRetrieve(Object context) {
    nic.requestRetrieve(context);
  }

  @Override
  public void close() {
    nic.close();
  }

  // ---- Link: the NIC's segments

  @Override
  public void transmit(byte[] ipPacket) {
    transmitUnchanged(ipPacket);
  }

  // ---- OffloadHost: the NIC's upcalls

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    host.initiateOffloadComplete(root);
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    connections.forEachTcp(root, (node, c) -> {
      c.terminating = false;
      c.terminated = true;
      c.handedBack(node.netBufferListChain());
    });
    host.terminateOffloadComplete(root);
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    for (NetBufferList l : NetBufferList.toList(chain)) {
      connections.bySend(l).ifPresent(c -> c.completed(l));
    }
    host.tcpOffloadSendComplete(chain);
  }

  @Override
  public void tcpOffloadReceiveComplete(NetBufferList chain) {
    host.tcpOffloadReceiveComplete(chain);
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    return host.tcpOffloadReceiveIndicate(connection, nbl, status);
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    connections.byDisconnect(nbl).ifPresent(c -> {
      c.pendingDisconnect = null;
      c.disconnectFailed |= nbl.status() != NdisStatus.SUCCESS;
    });
    host.tcpOffloadDisconnectComplete(nbl);
  }

  @Override
  public void tcpOffloadForwardComplete(NetBufferList chain) {
    host.tcpOffloadForwardComplete(chain);
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    host.tcpOffloadEvent(connection, event, reason);
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    host.indicateStatus(statusCode);
  }

  @Override
  public void indicateReceiveNetBufferLists(byte[] ipPacket) {
    host.indicateReceiveNetBufferLists(ipPacket);
  }
}
