package dev.chimney.kernel;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.Link;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.TargetContext;
import java.net.Inet4Address;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Linux kernel's TCP stack behind the chimney handlers. The harness's link is the kernel's
 * wire: packets of offloaded connections are written into the namespace's TUN device, and what the
 * kernel writes out of it goes on the link. Everything else on the link (the host's handshake
 * before an offload, segments after a terminate) is the host's own traffic: it passes through
 * {@link #sendNetBufferLists} and {@link OffloadHost#indicateReceiveNetBufferLists} and never
 * reaches the kernel, which would answer a connection it does not know with an RST.
 *
 * <p>Handlers run on the harness's host thread and return at once; the work goes to the {@link
 * KernelLoop} thread, which makes every completion and indication.
 */
final class KernelTarget implements OffloadTarget {
  private static final System.Logger LOG = System.getLogger(KernelTarget.class.getName());

  private final OffloadHost host;
  private final Inet4Address localAddress;
  private final Link link;
  private final GracefulClose gracefulClose;
  private final KernelLoop loop;
  private final Map<Packets.Tuple, KernelConnection> byTuple = new ConcurrentHashMap<>();

  KernelTarget(TargetContext context, GracefulClose gracefulClose, String name) {
    this.host = context.host();
    this.localAddress = context.localAddress();
    this.link = context.link();
    this.gracefulClose = gracefulClose;
    this.loop = KernelLoop.start(localAddress, context.link(), name);
    LiveTargets.add(this);
  }

  @Override
  public NdisStatus initiateOffload(OffloadBlockList root) {
    loop.execute(() -> {
      TreeWalk.walk(root, this::admit);
      host.initiateOffloadComplete(root);
    });
    return NdisStatus.PENDING;
  }

  /** Takes over one object of an initiate's tree; runs on the namespace's thread. */
  private NdisStatus admit(OffloadBlockList node, OffloadBlockList parent) {
    return switch (node.stateType()) {
      case NEIGHBOR -> NdisStatus.SUCCESS;
      case PATH -> node.state() instanceof dev.chimney.spi.PathState p && p.sourceAddress().equals(localAddress)
          ? NdisStatus.SUCCESS : NdisStatus.FAILURE;
      case TCP -> restore(node, parent);
    };
  }

  private NdisStatus restore(OffloadBlockList node, OffloadBlockList path) {
    try {
      KernelConnection c = Restoration.restore(node, (dev.chimney.spi.PathState) path.state(), host, gracefulClose);
      if (c == null) {
        return NdisStatus.FAILURE;
      }
      byTuple.put(c.tuple, c);
      loop.register(c);
      node.setMiniportOffloadContext(c);
      c.route = KernelConnection.Route.KERNEL;
      return NdisStatus.SUCCESS;
    } catch (KernelCallException e) {
      LOG.log(System.Logger.Level.WARNING, "linux-kernel: restoring " + node.ndisOffloadHandle() + ": " + e.getMessage());
      return NdisStatus.FAILURE;
    }
  }

  @Override
  public NdisStatus terminateOffload(OffloadBlockList root) {
    List<OffloadBlockList> nodes = root.walk();
    for (OffloadBlockList n : nodes) {
      if (n.miniportOffloadContext() instanceof KernelConnection c) {
        // from this call on, the connection's segments are the host's (TOC-10)
        c.route = KernelConnection.Route.HOST;
      }
    }
    loop.execute(() -> {
      loop.settle(KernelTolerances.TERMINATE_SETTLE_MILLIS);
      for (OffloadBlockList n : nodes) {
        n.setStatus(n.stateType() == OffloadStateType.TCP ? terminate(n) : NdisStatus.SUCCESS);
      }
      loop.drain();
      host.terminateOffloadComplete(root);
    });
    return NdisStatus.PENDING;
  }

  private NdisStatus terminate(OffloadBlockList node) {
    if (!(node.miniportOffloadContext() instanceof KernelConnection c)) {
      return NdisStatus.FAILURE;
    }
    loop.unregister(c);
    try {
      return c.terminate(node.tcpState().delegated(), node::setNetBufferListChain);
    } catch (KernelCallException e) {
      LOG.log(System.Logger.Level.WARNING, "linux-kernel: reading out " + node.ndisOffloadHandle() + ": " + e.getMessage());
      c.halt();
      return NdisStatus.FAILURE;
    }
  }

  @Override
  public NdisStatus tcpOffloadSend(Object context, NetBufferList chain) {
    KernelConnection c = (KernelConnection) context;
    if (c.route == KernelConnection.Route.HOST) {
      return NdisStatus.UPLOAD_IN_PROGRESS;
    }
    loop.execute(() -> {
      NdisStatus refused = c.send(chain);
      if (refused != NdisStatus.PENDING) {
        NetBufferList.toList(chain).forEach(l -> l.setStatus(refused));
        host.tcpOffloadSendComplete(chain);
      }
    });
    return NdisStatus.PENDING;
  }

  @Override
  public NdisStatus tcpOffloadReceive(Object context, NetBufferList chain) {
    KernelConnection c = (KernelConnection) context;
    loop.execute(() -> {
      c.post(chain);
      c.check();
    });
    return NdisStatus.PENDING;
  }

  @Override
  public void tcpOffloadReceiveReturn(NetBufferList chain) {
    // indicated data was read off the socket (or peeked and left there): nothing to release
  }

  @Override
  public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
    KernelConnection c = (KernelConnection) context;
    loop.execute(() -> {
      c.disconnect(nbl, flags);
      c.check();
    });
    return NdisStatus.PENDING;
  }

  @Override
  public NdisStatus tcpOffloadForward(Object context, NetBufferList chain) {
    KernelConnection c = (KernelConnection) context;
    boolean toKernel = c.route == KernelConnection.Route.KERNEL;
    loop.execute(() -> {
      for (NetBufferList l : NetBufferList.toList(chain)) {
        if (toKernel && c.route != KernelConnection.Route.DROP) {
          byte[] packet = Packets.ipv4(c.tuple.remoteAddress(), c.tuple.localAddress(), l.firstBuffer().data());
          c.sawFromPeer(packet);
          loop.inject(packet);
        }
        l.setStatus(NdisStatus.SUCCESS);
      }
      host.tcpOffloadForwardComplete(chain);
    });
    return NdisStatus.PENDING;
  }

  @Override
  public void sendNetBufferLists(byte[] ipPacket) {
    link.transmit(ipPacket);
  }

  @Override
  public void receiveFromWire(byte[] ipPacket) {
    Packets.Tuple tuple = Packets.inbound(ipPacket);
    KernelConnection c = tuple == null ? null : byTuple.get(tuple);
    if (c == null || c.route == KernelConnection.Route.HOST) {
      host.indicateReceiveNetBufferLists(ipPacket);
      return;
    }
    // The route is decided here, on the host thread, in the order of the host's calls: a packet that
    // arrived before a terminate call is the kernel's even if the call comes before it is injected.
    // Only an abort on the namespace's thread (the peer's RST, our own) can still stop it there.
    loop.execute(() -> {
      if (c.route != KernelConnection.Route.DROP) {
        c.sawFromPeer(ipPacket);
        loop.inject(ipPacket);
      }
    });
  }

  @Override
  public void close() {
    LiveTargets.remove(this);
    loop.close();
    Throwable failure = loop.failure();
    if (failure != null) {
      LOG.log(System.Logger.Level.WARNING, "linux-kernel: a kernel call failed during the scenario: " + failure);
    }
  }
}
