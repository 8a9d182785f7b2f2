package dev.chimney.host;

import dev.chimney.spi.OffloadBlockList;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario wants offloaded in one MiniportInitiateOffload: a neighbor, its paths, their TCP
 * connections, each connection optionally with send data to hand over in its NetBufferListChain.
 * Any shape is allowed, including a path whose source address the target does not own (to provoke a
 * PAR-5 failure). The host turns it into block lists, naming the objects in creation order
 * ("Neighbor1", "Path1", "Path2"; TCP objects keep their connection's name), in {@link
 * HostStack#initiate}.
 *
 * <p>Built and used on the host thread. After a successful initiate the same tree can be given to
 * {@link HostStack#terminate(OffloadTree)}.
 */
public final class OffloadTree {
  /** The neighbor (gateway) of the conventions: 192.0.2.1. */
  public static final Inet4Address DEFAULT_NEIGHBOR = Ipv4.of(192, 0, 2, 1);
  /** The cached path MTU the host hands over for every path, in bytes. */
  public static final int PATH_MTU = 1500;

  private final Inet4Address neighbor;
  private final List<PathNode> paths = new ArrayList<>();
  /** The root of the block list tree the host built for the initiate; null before. */
  OffloadBlockList initiatedRoot;

  /** A tree rooted at a neighbor whose next-hop address is {@code neighbor}. */
  public OffloadTree(Inet4Address neighbor) {
    this.neighbor = neighbor;
  }

  /**
   * The usual tree for {@code connections}: {@link #DEFAULT_NEIGHBOR}, one path per distinct pair of
   * addresses (in first-seen order), each connection under its path, no send data.
   */
  public static OffloadTree of(HostConnection... connections) {
    OffloadTree tree = new OffloadTree(DEFAULT_NEIGHBOR);
    for (HostConnection c : connections) {
      tree.pathFor(c.local().address(), c.remote().address()).tcp(c);
    }
    return tree;
  }

  /** Adds a path from {@code source} (normally the target's address) to {@code destination}. */
  public PathNode path(Inet4Address source, Inet4Address destination) {
    PathNode p = new PathNode(source, destination);
    paths.add(p);
    return p;
  }

  private PathNode pathFor(Inet4Address source, Inet4Address destination) {
    for (PathNode p : paths) {
      if (p.source.equals(source) && p.destination.equals(destination)) {
        return p;
      }
    }
    return path(source, destination);
  }

  Inet4Address neighbor() {
    return neighbor;
  }

  List<PathNode> paths() {
    return paths;
  }

  /** Every connection in the tree, in walk order. */
  public List<HostConnection> connections() {
    List<HostConnection> out = new ArrayList<>();
    for (PathNode p : paths) {
      for (TcpNode t : p.tcps) {
        out.add(t.connection);
      }
    }
    return out;
  }

  /** A path of the tree. */
  public final class PathNode {
    final Inet4Address source;
    final Inet4Address destination;
    final List<TcpNode> tcps = new ArrayList<>();

    private PathNode(Inet4Address source, Inet4Address destination) {
      this.source = source;
      this.destination = destination;
    }

    /**
     * Adds {@code connection} under this path; {@code sendData} chunks are handed over in its
     * NetBufferListChain, one list per chunk, after any data the host still has outstanding.
     *
     * @return this path, to add more
     */
    public PathNode tcp(HostConnection connection, byte[]... sendData) {
      tcps.add(new TcpNode(connection, List.of(sendData)));
      return this;
    }

    /** The tree this path belongs to, to go on building. */
    public OffloadTree tree() {
      return OffloadTree.this;
    }
  }

  /** A TCP object of the tree and the send data to hand over with it. */
  record TcpNode(HostConnection connection, List<byte[]> sendData) {}
}
