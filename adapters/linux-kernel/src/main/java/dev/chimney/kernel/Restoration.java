package dev.chimney.kernel;

import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpState;
import java.util.List;

/**
 * Turns an initiate's TCP block list into a kernel socket: the constants and delegated variables
 * the host handed over become a TCP_REPAIR restore, and the send data of its NetBufferListChain,
 * whose first byte is at SndUna, goes into the kernel's send queue: up to SndMax as already sent,
 * the rest as new data.
 */
final class Restoration {
  private Restoration() {}

  /**
   * @return the connection, or null when the delegated state is one a restore cannot reproduce
   *     (not ESTABLISHED, or SndUna or RcvNxt unset)
   */
  static KernelConnection restore(OffloadBlockList node, PathState path, OffloadHost host, GracefulClose gracefulClose) {
    TcpState tcp = node.tcpState();
    TcpDelegatedState d = tcp.delegated();
    if (d.state() != TcpConnectionState.ESTABLISHED || d.sndUna().isEmpty() || d.rcvNxt().isEmpty()) {
      return null;
    }
    long sndUna = d.sndUna().getAsLong();
    long sndMax = d.sndMax().orElse(d.sndNxt().orElse(sndUna));
    List<NetBufferList> lists = NetBufferList.toList(node.netBufferListChain());
    byte[] data = NetBufferList.data(lists);
    int sent = (int) Math.min(data.length, (sndMax - sndUna) & 0xFFFF_FFFFL);
    TcpRepair.Restore r = new TcpRepair.Restore(path.sourceAddress(), tcp.localPort(), path.destinationAddress(),
        tcp.remotePort(), sndUna, d.rcvNxt().getAsLong(), d.get(TcpDelegatedState.Field.SEND_WL1).orElse(
            // The host's last window update came with a segment before RcvNxt (after a handshake, the
            // SYN-ACK at RcvNxt - 1). Restoring SndWl1 as RcvNxt would make the kernel ignore a
            // window the peer shrinks on its next segment, which the host's TCP would have taken.
            (d.rcvNxt().getAsLong() - 1) & 0xFFFF_FFFFL), d.sndWnd().orElse(tcp.initialRcvWnd()),
        d.rcvWnd().orElse(tcp.initialRcvWnd()), tcp.remoteMss(), tcp.sndWindScale(), tcp.rcvWindScale(),
        java.util.Arrays.copyOf(data, sent));
    int fd = TcpRepair.restore(r);
    Packets.Tuple tuple = new Packets.Tuple(path.sourceAddress(), tcp.localPort(), path.destinationAddress(), tcp.remotePort());
    KernelConnection c = new KernelConnection(tuple, node.ndisOffloadHandle(), host, gracefulClose, fd, sndUna, sent);
    c.takeOver(lists, sent);
    return c;
  }
}
