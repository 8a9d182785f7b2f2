package dev.chimney.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code NDIS_MINIPORT_OFFLOAD_BLOCK_LIST}: a node of the offload state tree. The root is a
 * neighbor; its {@link #dependentBlockList()} are paths; theirs are TCP connections. Siblings are
 * linked through {@link #nextBlock()}.
 *
 * <p>The host builds the tree and hands it to {@link OffloadTarget#initiateOffload} or {@link
 * OffloadTarget#terminateOffload}; the target writes {@link #setStatus Status}, and on initiate
 * {@link #setMiniportOffloadContext MiniportOffloadContext}, and on terminate the delegated state
 * and {@link #setNetBufferListChain NetBufferListChain}, then completes it with the same root.
 *
 * <p>Not thread-safe: owned by the target from the call until its completion.
 */
public final class OffloadBlockList {
  private final OffloadState state;
  private final NdisOffloadHandle ndisOffloadHandle;
  private OffloadBlockList nextBlock;
  private OffloadBlockList dependentBlockList;
  private NdisStatus status = NdisStatus.PENDING;
  private Object miniportOffloadContext;
  private NetBufferList netBufferListChain;

  /** For the host: a node for {@code state} with the host's handle for it. */
  public OffloadBlockList(OffloadState state, NdisOffloadHandle ndisOffloadHandle) {
    this.state = Objects.requireNonNull(state, "state");
    this.ndisOffloadHandle = Objects.requireNonNull(ndisOffloadHandle, "ndisOffloadHandle");
  }

  /** The kind of state object. */
  public OffloadStateType stateType() {
    return state.type();
  }

  /** The state that follows the block list; never null. */
  public OffloadState state() {
    return state;
  }

  /** The TCP state, when {@link #stateType()} is TCP. */
  public TcpState tcpState() {
    if (!(state instanceof TcpState tcp)) {
      throw new IllegalStateException(state.type() + " block list has no TCP state");
    }
    return tcp;
  }

  /** The host's handle, to pass back in upcalls about this object; never null. */
  public NdisOffloadHandle ndisOffloadHandle() {
    return ndisOffloadHandle;
  }

  /** The next sibling, or null. */
  public OffloadBlockList nextBlock() {
    return nextBlock;
  }

  /** The first dependent (child), or null. */
  public OffloadBlockList dependentBlockList() {
    return dependentBlockList;
  }

  /** For the host: adds {@code child} as the last dependent of this node; returns this. */
  public OffloadBlockList addDependent(OffloadBlockList child) {
    if (dependentBlockList == null) {
      dependentBlockList = child;
    } else {
      OffloadBlockList last = dependentBlockList;
      while (last.nextBlock != null) {
        last = last.nextBlock;
      }
      last.nextBlock = child;
    }
    return this;
  }

  /** The dependents, in order. */
  public List<OffloadBlockList> dependents() {
    List<OffloadBlockList> out = new ArrayList<>();
    for (OffloadBlockList b = dependentBlockList; b != null; b = b.nextBlock) {
      out.add(b);
    }
    return out;
  }

  /** This node and every node below it, parent first (depth-first pre-order). */
  public List<OffloadBlockList> walk() {
    List<OffloadBlockList> out = new ArrayList<>();
    out.add(this);
    for (OffloadBlockList child : dependents()) {
      out.addAll(child.walk());
    }
    return out;
  }

  /** {@code Status}: PENDING until the target writes it. */
  public NdisStatus status() {
    return status;
  }

  public void setStatus(NdisStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The target's context for this object, set on initiate and passed back on every call; may be null. */
  public Object miniportOffloadContext() {
    return miniportOffloadContext;
  }

  public void setMiniportOffloadContext(Object context) {
    this.miniportOffloadContext = context;
  }

  /**
   * {@code NetBufferListChain}: on initiate, send data the host hands over (may be null); on
   * terminate, the outstanding send data the target hands back in delivery order, or null when
   * there is none (TOC-5, TOC-7).
   */
  public NetBufferList netBufferListChain() {
    return netBufferListChain;
  }

  public void setNetBufferListChain(NetBufferList head) {
    this.netBufferListChain = head;
  }

  @Override
  public String toString() {
    return ndisOffloadHandle + "(" + state.type() + ", " + status.ndisName() + ")";
  }
}
