package dev.chimney.faulty;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TcpState;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.TcpSegment;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The connections one interposer saw offloaded, found by context, handle, segment or send list. */
public final class Connections {
  private final List<KnownConnection> all = new ArrayList<>();

  /**
   * Learns the TCP objects of an initiate the NIC just took: those it gave a MiniportOffloadContext.
   * Called after the NIC's initiate handler, which writes the contexts before it returns.
   *
   * @param sndUnaAtInitiate each TCP block list's delegated SndUna, read before the NIC saw the tree
   */
  void learn(OffloadBlockList root, Inet4Address localAddress, Map<OffloadBlockList, Long> sndUnaAtInitiate) {
    learn(root, null, localAddress, sndUnaAtInitiate);
  }

  private void learn(OffloadBlockList node, OffloadBlockList parent, Inet4Address localAddress,
      Map<OffloadBlockList, Long> sndUna) {
    if (node.stateType() == OffloadStateType.TCP && node.miniportOffloadContext() != null
        && parent != null && parent.state() instanceof PathState path && byContext(node.miniportOffloadContext()).isEmpty()) {
      TcpState tcp = node.tcpState();
      all.add(new KnownConnection(node.ndisOffloadHandle(), parent.ndisOffloadHandle(), node.miniportOffloadContext(),
          new Endpoint(localAddress, tcp.localPort()), new Endpoint(path.destinationAddress(), tcp.remotePort()),
          all.size(), sndUna.getOrDefault(node, 0L), node.netBufferListChain()));
    }
    for (OffloadBlockList child : node.dependents()) {
      learn(child, node, localAddress, sndUna);
    }
  }

  public Optional<KnownConnection> byContext(Object context) {
    return all.stream().filter(c -> c.context == context).findFirst();
  }

  public Optional<KnownConnection> byHandle(NdisOffloadHandle handle) {
    return all.stream().filter(c -> c.handle == handle).findFirst();
  }

  /** The connection a segment travels on, either way; empty for a segment of no known connection. */
  public Optional<KnownConnection> bySegment(TcpSegment segment) {
    return all.stream().filter(c -> c.carries(segment)).findFirst();
  }

  /** The connection whose send list {@code list} is. */
  public Optional<KnownConnection> bySend(NetBufferList list) {
    return all.stream().filter(c -> c.owns(list)).findFirst();
  }

  /** The connection whose pending disconnect is {@code nbl}. */
  public Optional<KnownConnection> byDisconnect(NetBufferList nbl) {
    return all.stream().filter(c -> c.pendingDisconnect == nbl).findFirst();
  }

  /** The known connections among the TCP block lists of {@code root}. */
  public List<KnownConnection> in(OffloadBlockList root) {
    List<KnownConnection> out = new ArrayList<>();
    forEachTcp(root, (node, c) -> out.add(c));
    return out;
  }

  /** Calls {@code action} for each TCP block list of {@code root} whose connection is known, in walk order. */
  public void forEachTcp(OffloadBlockList root, BiConsumer<OffloadBlockList, KnownConnection> action) {
    for (OffloadBlockList node : root.walk()) {
      if (node.stateType() == OffloadStateType.TCP) {
        byHandle(node.ndisOffloadHandle()).ifPresent(c -> action.accept(node, c));
      }
    }
  }
}
