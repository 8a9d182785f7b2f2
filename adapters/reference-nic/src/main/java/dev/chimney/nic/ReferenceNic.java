package dev.chimney.nic;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TargetContext;
import dev.chimney.spi.TcpState;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference offload target: one adapter, dispatching the host's calls and the wire's packets
 * to its offloaded {@link Connection}s. Everything it does later runs on {@link
 * TargetContext#clock()}; it starts no thread and reads no wall clock, so a run is reproducible to
 * the byte.
 *
 * <p>Called by the harness on one thread at a time (see {@link OffloadTarget}). Every handler
 * returns at once and never throws.
 */
public final class ReferenceNic implements OffloadTarget {
  private final TargetContext context;
  private final OffloadHost host;
  private final EngineServices services;
  private final int maxConnections;
  private final Map<ConnectionKey, Connection> connections = new LinkedHashMap<>();
  private int terminatesInProgress;
  private boolean uploadAllIndicated;

  /**
   * Creates the adapter for one scenario. Called by {@link ReferenceNicProvider#create}.
   *
   * @param context what the harness gives the target; never null
   * @throws IllegalArgumentException if {@link TargetContext#MAX_OFFLOADED_CONNECTIONS} is not a
   *     non-negative number
   */
  public ReferenceNic(TargetContext context) {
    this.context = context;
    this.host = context.host();
    this.services = new EngineServices(host, context.clock(), new Transmitter(context.link()), new TargetLists());
    this.maxConnections = connectionLimit(context);
  }

  private static int connectionLimit(TargetContext context) {
    String value = context.setting(TargetContext.MAX_OFFLOADED_CONNECTIONS, null);
    if (value == null) {
      return Integer.MAX_VALUE;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the exception below, which names the setting
    }
    throw new IllegalArgumentException(
        TargetContext.MAX_OFFLOADED_CONNECTIONS + ": not a non-negative number: " + value);
  }

  @Override
  public NdisStatus initiateOffload(OffloadBlockList root) {
    List<Connection> taken = new ArrayList<>();
    OffloadTreeWalker.walk(root, (node, parent) -> admit(node, parent, taken));
    services.later(() -> {
      host.initiateOffloadComplete(root);
      taken.forEach(Connection::start);
    });
    return NdisStatus.PENDING;
  }

  /** PAR-5, PAR-6: a path not from our address is a FAILURE, a connection over the limit RESOURCES. */
  private NdisStatus admit(OffloadBlockList node, OffloadBlockList parent, List<Connection> taken) {
    OffloadStateType parentType = parent == null ? null : parent.stateType();
    switch (node.stateType()) {
      case NEIGHBOR:
        return parent == null ? NdisStatus.SUCCESS : NdisStatus.FAILURE;
      case PATH:
        PathState path = (PathState) node.state();
        return parentType == OffloadStateType.NEIGHBOR && path.sourceAddress().equals(context.localAddress())
            ? NdisStatus.SUCCESS
            : NdisStatus.FAILURE;
      case TCP:
        if (parentType != OffloadStateType.PATH) {
          return NdisStatus.FAILURE;
        }
        return admitConnection(node, (PathState) parent.state(), taken);
      default:
        return NdisStatus.FAILURE;
    }
  }

  private NdisStatus admitConnection(OffloadBlockList node, PathState path, List<Connection> taken) {
    TcpState tcp = node.tcpState();
    ConnectionConfig config = ConnectionConfig.of(tcp, path, node.ndisOffloadHandle());
    if (!Connection.canTakeOver(tcp.delegated()) || connections.containsKey(config.key())) {
      return NdisStatus.FAILURE;
    }
    if (connections.size() >= maxConnections) {
      return NdisStatus.RESOURCES;
    }
    Connection connection = new Connection(config, tcp.delegated(), node.netBufferListChain(), services);
    connections.put(config.key(), connection);
    node.setMiniportOffloadContext(connection);
    taken.add(connection);
    return NdisStatus.SUCCESS;
  }

  /**
   * Terminates every object of the tree: neighbors and paths hold no state here and simply
   * succeed; each connection hands back its state (see {@link Connection#terminate}). Every Status
   * is SUCCESS: this target loses no state object (TOC-2, TOC-4).
   */
  @Override
  public NdisStatus terminateOffload(OffloadBlockList root) {
    for (OffloadBlockList node : root.walk()) {
      if (node.stateType() == OffloadStateType.TCP) {
        findConnection(node).ifPresent(c -> {
          connections.remove(c.key());
          c.terminate(node.tcpState().delegated(), node::setNetBufferListChain);
        });
      }
      node.setStatus(NdisStatus.SUCCESS);
    }
    terminatesInProgress++;
    services.clock().schedule(TcpTimers.UPLOAD_LATENCY_NANOS, () -> {
      host.terminateOffloadComplete(root);
      terminatesInProgress--;
      resumeIfUploadAllDone();
    });
    return NdisStatus.PENDING;
  }

  /** The connection of a TCP block list: by its context, else (a rebuilt list) by its handle. */
  private Optional<Connection> findConnection(OffloadBlockList node) {
    if (node.miniportOffloadContext() instanceof Connection c) {
      return Optional.of(c);
    }
    return connections.values().stream().filter(c -> c.handle() == node.ndisOffloadHandle()).findFirst();
  }

  @Override
  public NdisStatus tcpOffloadSend(Object context, NetBufferList chain) {
    return connectionOf(context).map(c -> c.send(chain)).orElse(NdisStatus.INVALID_PARAMETER);
  }

  @Override
  public NdisStatus tcpOffloadReceive(Object context, NetBufferList chain) {
    return connectionOf(context).map(c -> c.postReceive(chain)).orElse(NdisStatus.INVALID_PARAMETER);
  }

  /**
   * Takes back lists indicated or handed back as buffered data. There is nothing to do: they are
   * copies the target made for the host, not a pool it recycles.
   */
  @Override
  public void tcpOffloadReceiveReturn(NetBufferList chain) {
    // nothing to recycle (see above)
  }

  @Override
  public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
    Optional<Connection> connection = connectionOf(context);
    if (connection.isPresent()) {
      return connection.get().disconnect(nbl, flags);
    }
    nbl.setStatus(NdisStatus.INVALID_PARAMETER);
    services.later(() -> host.tcpOffloadDisconnectComplete(nbl));
    return NdisStatus.PENDING;
  }

  /**
   * Processes each forwarded segment as if it had come off the wire (FWD-3), then completes every
   * list once, in one call (FWD-2).
   */
  @Override
  public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
    Optional<Connection> connection = connectionOf(context);
    for (NetBufferList list : chain.toList()) {
      connection.ifPresent(c -> InboundPackets
          .decodeForwarded(list, c.key().remote().address(), c.key().local().address())
          .ifPresent(c::onSegment));
      list.setStatus(NdisStatus.SUCCESS);
    }
    services.later(() -> host.tcpOffloadForwardComplete(chain));
    return NdisStatus.PENDING;
  }

  @Override
  public void sendNetBufferLists(byte[] ipPacket) {
    context.link().transmit(ipPacket);
  }

  /**
   * Segments of offloaded connections are processed; malformed TCP packets are dropped, as a NIC
   * drops a bad checksum; everything else, including segments of terminated or unknown connections,
   * goes up the ordinary receive path. The target never answers a stray segment with an RST (DSC-3).
   */
  @Override
  public void receiveFromWire(byte[] ipPacket) {
    if (!InboundPackets.claimsTcp(ipPacket)) {
      host.indicateReceiveNetBufferLists(ipPacket);
      return;
    }
    Optional<TcpSegment> segment = InboundPackets.decode(ipPacket);
    if (segment.isEmpty()) {
      return;
    }
    Connection connection = connections.get(ConnectionKey.ofInbound(segment.get()));
    if (connection == null) {
      host.indicateReceiveNetBufferLists(ipPacket);
    } else {
      connection.onSegment(segment.get());
    }
  }

  /** TRM-6, TRM-7: UPLOAD_ALL now, OFFLOAD_RESUME once every connection has been terminated. */
  @Override
  public void requestUploadAll() {
    uploadAllIndicated = true;
    services.later(() -> {
      host.indicateStatus(NdisStatus.UPLOAD_ALL);
      resumeIfUploadAllDone();
    });
  }

  private void resumeIfUploadAllDone() {
    if (uploadAllIndicated && connections.isEmpty() && terminatesInProgress == 0) {
      uploadAllIndicated = false;
      services.later(() -> host.indicateStatus(NdisStatus.OFFLOAD_RESUME));
    }
  }

  /** TRM-1: asks for the termination of this one connection. */
  @Override
  public void requestRetrieve(Object context) {
    connectionOf(context).ifPresent(c -> c.indicateRetrieve(TcpUploadReason.UPLOAD_REQUESTED));
  }

  /** Stops every timer; nothing of this adapter runs afterwards. */
  @Override
  public void close() {
    connections.values().forEach(Connection::halt);
    connections.clear();
  }

  private static Optional<Connection> connectionOf(Object context) {
    return context instanceof Connection c ? Optional.of(c) : Optional.empty();
  }
}
