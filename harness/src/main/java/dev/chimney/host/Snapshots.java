package dev.chimney.host;

import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.TcpState;
import java.util.ArrayList;
import java.util.List;

/**
 * Frozen copies of the mutable SPI structures for the event log: lists and block lists change
 * after an event is recorded, the log must not.
 */
final class Snapshots {
  private Snapshots() {}

  /** The lists of the chain starting at {@code head}, as they are now; empty when head is null. */
  static List<NblView> chain(NetBufferList head) {
    List<NblView> out = new ArrayList<>();
    for (NetBufferList l : NetBufferList.toList(head)) {
      out.add(of(l));
    }
    return List.copyOf(out);
  }

  /** One list as it is now. */
  static NblView of(NetBufferList nbl) {
    return new NblView(nbl.id(), nbl.status(), nbl.dataLength(), nbl.buffers().size());
  }

  /** The tree rooted at {@code root}, parent first, as it is now; names are the host's handles. */
  static List<BlockView> tree(OffloadBlockList root) {
    List<BlockView> out = new ArrayList<>();
    addTree(root, null, out);
    return List.copyOf(out);
  }

  private static void addTree(OffloadBlockList node, String parent, List<BlockView> out) {
    String name = node.ndisOffloadHandle().toString();
    List<NblView> chain = node.netBufferListChain() == null ? null : chain(node.netBufferListChain());
    boolean tcp = node.stateType() == OffloadStateType.TCP;
    TcpState tcpState = tcp ? node.tcpState() : null;
    out.add(new BlockView(name, parent, node.stateType(), node.status(), chain,
        tcp ? tcpState.delegated().copy() : null,
        tcp ? chain(tcpState.delegated().bufferedData()) : List.of()));
    for (OffloadBlockList child : node.dependents()) {
      addTree(child, name, out);
    }
  }
}
