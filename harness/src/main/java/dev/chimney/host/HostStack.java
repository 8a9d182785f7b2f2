package dev.chimney.host;

import dev.chimney.host.NblLedger.Purpose;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NeighborState;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpState;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The harness's stand-in for NDIS and the Windows host TCP/IP stack, facing one target (and, for
 * failover, a second one). Step code drives it: {@link #connect}, {@link #offload}, {@link #send},
 * {@link #terminate}, {@link #carryOn}... Each operation calls the target through one recording
 * gateway and waits, on the run's clock and with a named {@link Timeouts} entry, for what it
 * needs; a wait that runs out throws {@link HarnessTimeoutException}.
 *
 * <p>As {@link OffloadHost} it takes the target's completions and indications from any thread:
 * every one is recorded as an {@link Event.Upcall} before anything else, none throws back, and what
 * is out of order (a completion of a list never handed over, a second completion) is recorded as an
 * anomaly note rather than refused. Reactions that call the target again are deferred to the clock
 * so that no handler is re-entered.
 *
 * <p>The host keeps its own obligations by construction: abortive disconnects carry no data
 * (DSC-6); a failed disconnect is never reissued (DSC-12); forwarded segments go one per list, TCP
 * header first (FWD-4), only once the offload has completed and never while a terminate is in
 * progress (FWD-5); a TcpIndicateRetrieve is answered with a terminate at once, repeated ones are
 * tolerated (TRM-1, TRM-4); UPLOAD_ALL terminates every connection on that target and stops
 * offloads to it until OFFLOAD_RESUME (TRM-6, TRM-7).
 *
 * <p>Step methods are called on the host thread, the one that runs the clock.
 */
public final class HostStack implements OffloadHost {
  /** The host's first initial sequence number; each further connection adds {@link #ISN_STEP}. */
  public static final long ISN_BASE = 0x1000_0000L;
  /** The distance between the initial sequence numbers of consecutive connections. */
  public static final long ISN_STEP = 0x0100_0000L;
  /** The IPv4 TTL of the host's own packets. */
  static final int HOST_TTL = 64;

  private final HostClock clock;
  private final EventLog log;
  private final Timeouts timeouts;
  private final TargetGateway gateway;
  private final Thread hostThread = Thread.currentThread();
  private final NblLedger ledger = new NblLedger();
  private final TargetSlot primary = new TargetSlot(this);
  private final List<TargetSlot> slots = new ArrayList<>(List.of(primary));
  private final List<HostConnection> connections = new ArrayList<>();
  private final Map<List<Endpoint>, HostConnection> byTuple = new HashMap<>();
  private final Map<NdisOffloadHandle, HostConnection> byHandle = new IdentityHashMap<>();
  private final Map<OffloadBlockList, PendingTree> pending = new IdentityHashMap<>();
  private final Map<OffloadBlockList, List<TcpHandover>> pendingHandovers = new IdentityHashMap<>();
  private final List<IndicatedList> toReturn = new ArrayList<>();
  private final List<Anomaly> anomalies = new ArrayList<>();
  private int neighborCount;
  private int pathCount;
  private int ipId;

  /**
   * @param clock the run's clock; the thread constructing the stack is taken as the host thread
   * @param log where every call, return and upcall is recorded
   * @param timeouts the named waits
   */
  public HostStack(HostClock clock, EventLog log, Timeouts timeouts) {
    this.clock = clock;
    this.log = log;
    this.timeouts = timeouts;
    this.gateway = new TargetGateway(log);
  }

  /** Attaches the target under test, which was created with this stack as its host. */
  public void attach(OffloadTarget target) {
    primary.target = target;
  }

  /**
   * The {@link OffloadHost} to create one more target with (failover, TRM-8). Upcalls through it are
   * attributed to that target (UPLOAD_ALL concerns only its connections); attach the target with
   * {@link #attach(OffloadHost, OffloadTarget)}.
   */
  public OffloadHost additionalHost() {
    TargetSlot slot = new TargetSlot(this);
    slots.add(slot);
    return slot;
  }

  /** Attaches {@code target}, created with {@code host} from {@link #additionalHost()}. */
  public void attach(OffloadHost host, OffloadTarget target) {
    for (TargetSlot s : slots) {
      if (s == host) {
        s.target = target;
        return;
      }
    }
    throw new IllegalArgumentException("not an OffloadHost of this stack: " + host);
  }

  // ---------------------------------------------------------------- connections

  /**
   * Opens a connection from {@code local} to {@code remote} the way the host stack does before any
   * offload: SYN through the target's ordinary send path, SYN-ACK from its ordinary receive path,
   * ACK. Deterministic initial sequence number ({@link #ISN_BASE} + n × {@link #ISN_STEP}).
   *
   * @return the established connection, named "TCP1", "TCP2"... in creation order
   * @throws HarnessTimeoutException after {@link Timeouts#completion()} without an established
   *     connection
   */
  public HostConnection connect(Endpoint local, Endpoint remote) {
    requireAttached();
    int index = connections.size();
    HostConnection conn = new HostConnection("TCP" + (index + 1), local, remote,
        c -> new HostTcp(local, remote, clock, seg -> transmitOrdinary(c, seg), c::deliver));
    conn.target = primary.target;
    synchronized (this) {
      connections.add(conn);
      byTuple.put(List.of(local, remote), conn);
    }
    conn.tcp.open(SeqNum.add(ISN_BASE, index * ISN_STEP));
    await("completion", timeouts.completion(),
        () -> "SYN-ACK from " + remote + " to establish " + conn.name(), conn.tcp::established);
    conn.phase = ConnectionPhase.HOST;
    conn.streamEnd = conn.tcp.sndMax();
    return conn;
  }

  private void transmitOrdinary(HostConnection conn, TcpSegment segment) {
    byte[] packet = SegmentCodec.encode(segment, nextIpId(), HOST_TTL);
    OffloadTarget target = conn.target;
    gateway.callVoid(Api.SEND_NET_BUFFER_LISTS, conn.name(), List.of(), () -> target.sendNetBufferLists(packet));
  }

  private synchronized int nextIpId() {
    ipId = (ipId + 1) & 0xFFFF;
    return ipId;
  }

  /** The connections made so far, in creation order. */
  public synchronized List<HostConnection> connections() {
    return List.copyOf(connections);
  }

  /**
   * The name of the connection between {@code a} and {@code b} (either way round), for packet
   * events; null when the host made none. Any thread.
   */
  public synchronized String connectionName(Endpoint a, Endpoint b) {
    HostConnection c = byTuple.get(List.of(a, b));
    if (c == null) {
      c = byTuple.get(List.of(b, a));
    }
    return c == null ? null : c.name();
  }

  /**
   * What the host noticed out of order, in order: in the target's upcalls, and in the send data a
   * terminate returned; each is also a log note.
   */
  public synchronized List<String> anomalies() {
    return anomalies.stream().map(Anomaly::text).toList();
  }

  /**
   * The {@link #anomalies()} that are the target's conduct: its upcalls out of order, each named by
   * its NDIS function. Leaves out what the host found reconstructing a terminated connection's send
   * stream. Any thread.
   */
  public synchronized List<String> targetAnomalies() {
    return anomalies.stream().filter(Anomaly::targetConduct).map(Anomaly::text).toList();
  }

  // ---------------------------------------------------------------- offload

  /** Offloads {@code connections} to the target under one neighbor, one path per address pair. */
  public OffloadResult offload(HostConnection... connections) {
    return initiate(OffloadTree.of(connections));
  }

  /**
   * Calls MiniportInitiateOffload with {@code tree} and waits for the completion. Between the
   * target's UPLOAD_ALL and OFFLOAD_RESUME it first waits for the resume (TRM-7).
   *
   * @throws HostRefusalException "TRM-7" when no OFFLOAD_RESUME comes within {@link
   *     Timeouts#completion()}
   * @throws HarnessTimeoutException when the initiate does not complete within {@link
   *     Timeouts#completion()}
   */
  public OffloadResult initiate(OffloadTree tree) {
    return initiate(tree, primary);
  }

  /**
   * Failover (TRM-8): offloads a connection whose terminate completed ({@link
   * ConnectionPhase#UPLOADED}) to {@code other}, with the state and send data the terminate
   * returned; segments held meanwhile are forwarded once the offload completes.
   */
  public OffloadResult reoffload(HostConnection conn, OffloadTarget other) {
    requirePhase(conn, "re-offload", ConnectionPhase.UPLOADED);
    TargetSlot slot = slotOf(other);
    conn.target = other;
    return initiate(OffloadTree.of(conn), slot);
  }

  private OffloadResult initiate(OffloadTree tree, TargetSlot slot) {
    requireAttached();
    awaitOffloadAllowed(slot);
    for (HostConnection c : tree.connections()) {
      requirePhase(c, "offload", ConnectionPhase.HOST, ConnectionPhase.UPLOADED);
    }
    PendingTree p = new PendingTree(buildInitiateTree(tree, slot), slot, true);
    String rootName = p.root.ndisOffloadHandle().toString();
    Event.Returned r = gateway.call(Api.INITIATE_OFFLOAD, rootName, List.of(), null,
        Snapshots.tree(p.root), () -> slot.target.initiateOffload(p.root));
    p.returned = r.status();
    if (r.status() == NdisStatus.PENDING) {
      await("completion", timeouts.completion(),
          () -> "NdisMInitiateOffloadComplete of " + rootName + " (call #" + r.callSeq() + ")",
          () -> p.completedAt != 0);
    } else {
      failInitiate(p);
    }
    tree.initiatedRoot = p.root;
    return new OffloadResult(r.status(), p.statuses, p.completedAt);
  }

  private OffloadBlockList buildInitiateTree(OffloadTree tree, TargetSlot slot) {
    OffloadBlockList root = new OffloadBlockList(new NeighborState(tree.neighbor()),
        new NdisOffloadHandle("Neighbor" + (++neighborCount)));
    List<TcpHandover> handovers = new ArrayList<>();
    for (OffloadTree.PathNode path : tree.paths()) {
      OffloadBlockList pathNode = new OffloadBlockList(
          new PathState(path.source, path.destination, OffloadTree.PATH_MTU),
          new NdisOffloadHandle("Path" + (++pathCount)));
      root.addDependent(pathNode);
      for (OffloadTree.TcpNode tcp : path.tcps) {
        handovers.add(handOver(tcp, pathNode, slot));
      }
    }
    pendingHandovers.put(root, handovers);
    return root;
  }

  /** Builds a connection's TCP block list from the host's TCP and suspends the host's TCP. */
  private TcpHandover handOver(OffloadTree.TcpNode node, OffloadBlockList pathNode, TargetSlot slot) {
    HostConnection c = node.connection();
    HostTcp tcp = c.tcp;
    TcpState state = new TcpState(c.local().port(), c.remote().port(), tcp.sndWindScale(),
        tcp.rcvWindScale(), tcp.remoteMss(), HostTcp.HOST_RECEIVE_WINDOW, tcp.delegatedState());
    NdisOffloadHandle handle = new NdisOffloadHandle(c.name());
    OffloadBlockList tcpNode = new OffloadBlockList(state, handle);
    byte[] outstanding = tcp.outstanding();
    List<NetBufferList> lists = new ArrayList<>();
    if (outstanding.length > 0) {
      lists.add(ledger.create(outstanding, Purpose.SEND, c));
    }
    long total = outstanding.length;
    for (byte[] chunk : node.sendData()) {
      lists.add(ledger.create(chunk, Purpose.SEND, c));
      total += chunk.length;
    }
    tcpNode.setNetBufferListChain(NetBufferList.chain(lists));
    pathNode.addDependent(tcpNode);
    tcp.suspend();
    synchronized (this) {
      if (c.phase == ConnectionPhase.UPLOADED) {
        c.pendingForwards.addAll(c.heldSegments);
        c.heldSegments.clear();
      }
      c.phase = ConnectionPhase.OFFLOADING;
      c.handle = handle;
      c.offloadedState = state;
      c.target = slot.target;
      byHandle.put(handle, c);
    }
    return new TcpHandover(c, tcpNode, node.sendData(), SeqNum.add(tcp.sndUna(), total));
  }

  /** The initiate was refused by its return value or a throw: the host keeps its connections. */
  private void failInitiate(PendingTree p) {
    synchronized (this) {
      pending.remove(p.root);
    }
    for (TcpHandover h : pendingHandovers.remove(p.root)) {
      takeBack(h);
    }
  }

  private void takeBack(TcpHandover h) {
    HostConnection c = h.connection;
    synchronized (this) {
      c.phase = ConnectionPhase.HOST;
      c.context = null;
    }
    clock.execute(() -> {
      c.tcp.resume();
      for (byte[] chunk : h.sendData) {
        c.tcp.send(chunk);
      }
      processHeld(c, c.pendingForwards);
      c.tcp.acknowledgeAndSend();
    });
  }

  private void awaitOffloadAllowed(TargetSlot slot) {
    if (!slot.uploadAllPending) {
      return;
    }
    long since = slot.uploadAllEvent;
    boolean resumed = clock.runUntil(() -> !slot.uploadAllPending, timeouts.completion().toNanos());
    if (!resumed) {
      throw new HostRefusalException("TRM-7", "the target indicated NDIS_STATUS_UPLOAD_ALL at event #"
          + since + " and no NDIS_STATUS_OFFLOAD_RESUME followed within timeout 'completion' ("
          + timeouts.completion().toMillis() + " ms); the host offloads nothing to it until then");
    }
  }

  // ---------------------------------------------------------------- operations

  /**
   * MiniportTcpOffloadSend: one call, a chain with one list per chunk. If the target refuses the
   * call (UPLOAD_IN_PROGRESS during a terminate), the host keeps the data to send itself after the
   * upload.
   *
   * @return the lists handed over, in chain order
   */
  public List<NetBufferList> send(HostConnection conn, byte[]... chunks) {
    requirePhase(conn, "send on", ConnectionPhase.OFFLOADED, ConnectionPhase.TERMINATING);
    List<NetBufferList> lists = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      lists.add(ledger.create(chunk, Purpose.SEND, conn));
      all.write(chunk, 0, chunk.length);
    }
    NetBufferList head = NetBufferList.chain(lists);
    conn.streamEnd = SeqNum.add(conn.streamEnd, all.size());
    conn.sends.addAll(lists);
    Event.Returned r = gateway.call(Api.TCP_OFFLOAD_SEND, conn.name(), Snapshots.chain(head), null,
        List.of(), () -> conn.target.tcpOffloadSend(conn.context, head));
    if (r.status() != NdisStatus.PENDING) {
      conn.streamEnd = SeqNum.add(conn.streamEnd, -all.size());
      conn.refusedSendData.add(all.toByteArray());
    }
    return lists;
  }

  /** MiniportTcpOffloadReceive: posts one empty list per capacity, in one chain. */
  public List<NetBufferList> postReceive(HostConnection conn, int... capacities) {
    requirePhase(conn, "post receives on", ConnectionPhase.OFFLOADED);
    List<NetBufferList> lists = new ArrayList<>();
    for (int capacity : capacities) {
      lists.add(ledger.createEmpty(capacity, conn));
    }
    NetBufferList head = NetBufferList.chain(lists);
    gateway.call(Api.TCP_OFFLOAD_RECEIVE, conn.name(), Snapshots.chain(head), null, List.of(),
        () -> conn.target.tcpOffloadReceive(conn.context, head));
    return lists;
  }

  /** A disconnect with no data; see {@link #disconnect(HostConnection, DisconnectFlags, byte[])}. */
  public NetBufferList disconnect(HostConnection conn, DisconnectFlags flags) {
    return disconnect(conn, flags, new byte[0]);
  }

  /**
   * MiniportTcpOffloadDisconnect with one list of one buffer holding {@code data}.
   *
   * @param data the last data for a graceful close; must be empty for an abortive one (DSC-6)
   * @throws HostRefusalException "DSC-12" after a failed disconnect of the connection; "DSC-6" for
   *     abortive data
   */
  public NetBufferList disconnect(HostConnection conn, DisconnectFlags flags, byte[] data) {
    requirePhase(conn, "disconnect", ConnectionPhase.OFFLOADED, ConnectionPhase.TERMINATING);
    if (conn.disconnectFailedEvent != 0) {
      throw new HostRefusalException("DSC-12", "the disconnect of " + conn.name() + " failed at event #"
          + conn.disconnectFailedEvent + "; the host never issues it again");
    }
    if (flags == DisconnectFlags.ABORTIVE_CLOSE && data.length > 0) {
      throw new HostRefusalException("DSC-6", "an abortive disconnect carries no data, asked for "
          + data.length + " bytes on " + conn.name());
    }
    NetBufferList nbl = ledger.create(data, Purpose.DISCONNECT, conn);
    conn.disconnects.add(nbl);
    if (flags == DisconnectFlags.GRACEFUL_CLOSE) {
      conn.streamEnd = SeqNum.add(conn.streamEnd, data.length);
    }
    Event.Returned r = gateway.call(Api.TCP_OFFLOAD_DISCONNECT, conn.name(), List.of(Snapshots.of(nbl)),
        flags, List.of(), () -> conn.target.tcpOffloadDisconnect(conn.context, nbl, flags));
    if (r.status() != NdisStatus.PENDING) {
      synchronized (this) {
        conn.disconnectStatus = r.status() == null ? NdisStatus.FAILURE : r.status();
        conn.disconnectFailedEvent = r.seq();
      }
    }
    return nbl;
  }

  /**
   * MiniportTcpOffloadForward: one segment per list, one buffer per list, the TCP header first
   * (FWD-4). Only once the offload completed: while it is in progress the segments are held and
   * forwarded at its completion; while a terminate is in progress they are held for the host to
   * process after it (FWD-5).
   *
   * @return the lists handed over now; empty when the segments were held
   * @throws HostRefusalException "FWD-5" when the connection is not offloaded at all
   */
  public List<NetBufferList> forward(HostConnection conn, TcpSegment... segments) {
    synchronized (this) {
      switch (conn.phase) {
        case OFFLOADING -> {
          conn.pendingForwards.addAll(List.of(segments));
          return List.of();
        }
        case TERMINATING -> {
          conn.heldSegments.addAll(List.of(segments));
          return List.of();
        }
        case OFFLOADED -> { }
        default -> throw new HostRefusalException("FWD-5", conn.name() + " is " + conn.phase
            + ", not offloaded: there is nothing to forward to");
      }
    }
    return forwardNow(conn, List.of(segments));
  }

  private List<NetBufferList> forwardNow(HostConnection conn, List<TcpSegment> segments) {
    if (segments.isEmpty()) {
      return List.of();
    }
    List<NetBufferList> lists = new ArrayList<>();
    for (TcpSegment s : segments) {
      byte[] packet = SegmentCodec.encode(s, 0, HOST_TTL);
      int ipHeaderLength = (packet[0] & 0x0F) * 4;
      lists.add(ledger.create(Arrays.copyOfRange(packet, ipHeaderLength, packet.length),
          Purpose.FORWARD, conn));
    }
    NetBufferList head = NetBufferList.chain(lists);
    gateway.call(Api.TCP_OFFLOAD_FORWARD, conn.name(), Snapshots.chain(head), null, List.of(),
        () -> conn.target.tcpOffloadForward(conn.context, head));
    return lists;
  }

  /**
   * MiniportTerminateOffload of each connection (one call each, a TCP block list as root), then
   * waits for every completion. A connection whose termination is already under way (after a
   * TcpIndicateRetrieve or UPLOAD_ALL) is waited for, not terminated twice.
   */
  public TerminateResult terminate(HostConnection... conns) {
    List<PendingTree> trees = new ArrayList<>();
    List<HostConnection> awaited = new ArrayList<>();
    for (HostConnection c : conns) {
      if (c.terminatePending) {
        awaited.add(c);
      } else {
        requirePhase(c, "terminate", ConnectionPhase.OFFLOADED);
        trees.add(startTerminate(c));
      }
    }
    return awaitTerminates(trees, awaited);
  }

  /**
   * MiniportTerminateOffload of {@code conn} without waiting for its completion, for scenarios that
   * act while the terminate is in progress; {@link #terminate(HostConnection...)} or {@link
   * #awaitTerminated} then waits for it.
   */
  public void beginTerminate(HostConnection conn) {
    requirePhase(conn, "terminate", ConnectionPhase.OFFLOADED);
    startTerminate(conn);
  }

  /**
   * MiniportTerminateOffload of a whole tree offloaded by {@link #initiate}: the objects it
   * offloaded, parent first, in one call; waits for the completion.
   */
  public TerminateResult terminate(OffloadTree tree) {
    if (tree.initiatedRoot == null) {
      throw new IllegalStateException("the tree was never offloaded: nothing to terminate");
    }
    OffloadBlockList root = copyOffloaded(tree.initiatedRoot);
    if (root == null) {
      throw new IllegalStateException("the target offloaded nothing of the tree: nothing to terminate");
    }
    return awaitTerminates(List.of(startTerminate(root, primary)), List.of());
  }

  private OffloadBlockList copyOffloaded(OffloadBlockList node) {
    if (!OffloadResult.isOffloaded(node.status())) {
      return null;
    }
    OffloadBlockList copy;
    if (node.stateType() == OffloadStateType.TCP) {
      HostConnection c = byHandle.get(node.ndisOffloadHandle());
      if (c == null || c.phase != ConnectionPhase.OFFLOADED) {
        return null;
      }
      copy = terminateNode(c);
    } else {
      copy = new OffloadBlockList(node.state(), node.ndisOffloadHandle());
      copy.setMiniportOffloadContext(node.miniportOffloadContext());
    }
    for (OffloadBlockList child : node.dependents()) {
      OffloadBlockList childCopy = copyOffloaded(child);
      if (childCopy != null) {
        copy.addDependent(childCopy);
      }
    }
    return copy;
  }

  private OffloadBlockList terminateNode(HostConnection c) {
    TcpState s = c.offloadedState;
    OffloadBlockList node = new OffloadBlockList(new TcpState(s.localPort(), s.remotePort(),
        s.sndWindScale(), s.rcvWindScale(), s.remoteMss(), s.initialRcvWnd(), new TcpDelegatedState()),
        c.handle);
    node.setMiniportOffloadContext(c.context);
    return node;
  }

  private PendingTree startTerminate(HostConnection c) {
    return startTerminate(terminateNode(c), slotOf(c.target));
  }

  private PendingTree startTerminate(OffloadBlockList root, TargetSlot slot) {
    PendingTree p = new PendingTree(root, slot, false);
    synchronized (this) {
      for (OffloadBlockList n : root.walk()) {
        HostConnection c = n.stateType() == OffloadStateType.TCP ? byHandle.get(n.ndisOffloadHandle()) : null;
        if (c != null) {
          c.phase = ConnectionPhase.TERMINATING;
          c.terminatePending = true;
        }
      }
    }
    Event.Returned r = gateway.call(Api.TERMINATE_OFFLOAD, root.ndisOffloadHandle().toString(), List.of(),
        null, Snapshots.tree(root), () -> slot.target.terminateOffload(root));
    p.returned = r.status();
    p.callSeq = r.callSeq();
    return p;
  }

  private TerminateResult awaitTerminates(List<PendingTree> trees, List<HostConnection> awaited) {
    for (PendingTree p : trees) {
      if (p.returned == NdisStatus.PENDING) {
        await("completion", timeouts.completion(), () -> "NdisMTerminateOffloadComplete of "
            + p.root.ndisOffloadHandle() + " (call #" + p.callSeq + ")", () -> p.completedAt != 0);
      }
    }
    for (HostConnection c : awaited) {
      awaitTerminated(c);
    }
    Map<String, NdisStatus> statuses = new LinkedHashMap<>();
    Map<String, TerminateResult.Upload> uploads = new LinkedHashMap<>();
    for (PendingTree p : trees) {
      statuses.putAll(p.statuses);
      uploads.putAll(p.uploads);
    }
    for (HostConnection c : awaited) {
      statuses.put(c.name(), c.lastUpload.status());
      uploads.put(c.name(), c.lastUpload);
    }
    return new TerminateResult(statuses, uploads);
  }

  /** Waits until a terminate of {@code conn} (asked for by anyone) has completed. */
  public void awaitTerminated(HostConnection conn) {
    await("completion", timeouts.completion(), () -> "NdisMTerminateOffloadComplete of " + conn.name(),
        () -> !conn.terminatePending && conn.lastUpload != null);
  }

  /** Asks the target to indicate UPLOAD_ALL ({@link OffloadTarget#requestUploadAll()}). */
  public void requestUploadAll() {
    requireAttached();
    gateway.callVoid(Api.REQUEST_UPLOAD_ALL, null, List.of(), primary.target::requestUploadAll);
  }

  /** Asks the target to request the termination of {@code conn} ({@link OffloadTarget#requestRetrieve}). */
  public void requestRetrieve(HostConnection conn) {
    requirePhase(conn, "request the retrieval of", ConnectionPhase.OFFLOADED);
    Object context = conn.context;
    gateway.callVoid(Api.REQUEST_RETRIEVE, conn.name(), List.of(), () -> conn.target.requestRetrieve(context));
  }

  /**
   * MiniportTcpOffloadReceiveReturn: gives back every list the target indicated or handed back as
   * buffered data and the host has not returned yet, one call per target.
   *
   * @return the lists returned, in the order they came up
   */
  public List<NetBufferList> returnIndicated() {
    List<IndicatedList> all;
    synchronized (this) {
      all = List.copyOf(toReturn);
      toReturn.clear();
    }
    Map<OffloadTarget, List<NetBufferList>> byTarget = new LinkedHashMap<>();
    for (IndicatedList i : all) {
      byTarget.computeIfAbsent(i.target, t -> new ArrayList<>()).add(i.nbl);
    }
    List<NetBufferList> returned = new ArrayList<>();
    byTarget.forEach((target, lists) -> {
      NetBufferList head = NetBufferList.chain(lists);
      gateway.callVoid(Api.TCP_OFFLOAD_RECEIVE_RETURN, null, Snapshots.chain(head),
          () -> target.tcpOffloadReceiveReturn(head));
      returned.addAll(lists);
    });
    return returned;
  }

  /**
   * After a completed terminate, the host runs the connection itself from the returned state and
   * data: it processes segments held during the terminate, acknowledges the peer up to RcvNxt, sends
   * again from SndUna (unacknowledged data, then the unsent rest and any send the target refused),
   * through the ordinary path.
   */
  public void carryOn(HostConnection conn) {
    requirePhase(conn, "carry on with", ConnectionPhase.UPLOADED);
    synchronized (this) {
      conn.phase = ConnectionPhase.HOST;
    }
    conn.tcp.resume();
    for (byte[] refused : conn.refusedSendData) {
      conn.tcp.send(refused);
    }
    conn.refusedSendData.clear();
    processHeld(conn, conn.heldSegments);
    conn.tcp.acknowledgeAndSend();
  }

  /** Sends {@code data} on a connection the host runs itself (after {@link #carryOn}). */
  public void sendOrdinary(HostConnection conn, byte[] data) {
    requirePhase(conn, "send on the ordinary path of", ConnectionPhase.HOST);
    conn.streamEnd = SeqNum.add(conn.streamEnd, data.length);
    conn.tcp.send(data);
  }

  private void processHeld(HostConnection conn, List<TcpSegment> held) {
    List<TcpSegment> segments = List.copyOf(held);
    held.clear();
    for (TcpSegment s : segments) {
      conn.tcp.onSegment(s);
    }
  }

  /**
   * Whether the host's client consumes what the target indicates on {@code conn}: when it does not,
   * indications return 0 bytes consumed and the data stays the target's to hand back (TOC-8).
   */
  public void setConsumesIndications(HostConnection conn, boolean consumes) {
    synchronized (this) {
      conn.consumesIndications = consumes;
    }
  }

  // ---------------------------------------------------------------- waits

  /** Waits until the target has completed at least {@code n} sends of {@code conn}. */
  public void awaitSendCompletions(HostConnection conn, int n) {
    await("completion", timeouts.completion(), () -> "send completion of " + firstIncomplete(conn.sends)
        + " (" + conn.sendsCompleted + " of " + n + " sends of " + conn.name() + " completed)",
        () -> conn.sendsCompleted >= n);
  }

  /** Waits until the target has completed the last disconnect of {@code conn}. */
  public void awaitDisconnectComplete(HostConnection conn) {
    if (conn.disconnects.isEmpty()) {
      throw new IllegalStateException("no disconnect was issued on " + conn.name());
    }
    NetBufferList last = conn.disconnects.get(conn.disconnects.size() - 1);
    await("completion", timeouts.completion(), () -> "disconnect completion of NBL #" + last.id()
        + " (" + conn.name() + ")", () -> ledger.completed(last) || conn.disconnectFailedEvent != 0);
  }

  /** Waits until the host's application has received at least {@code bytes} bytes on {@code conn}. */
  public void awaitReceived(HostConnection conn, int bytes) {
    await("delivery", timeouts.delivery(), () -> bytes + " bytes received on " + conn.name()
        + " (received " + conn.receivedLength() + ")", () -> conn.receivedLength() >= bytes);
  }

  /** Waits until the host's own TCP has had every byte of {@code conn} acknowledged by the peer. */
  public void awaitAllAcknowledged(HostConnection conn) {
    await("delivery", timeouts.delivery(), () -> "the peer's acknowledgment of all data of " + conn.name(),
        conn.tcp::allAcknowledged);
  }

  private String firstIncomplete(List<NetBufferList> lists) {
    for (NetBufferList l : lists) {
      if (!ledger.completed(l)) {
        return "NBL #" + l.id();
      }
    }
    return "a further send";
  }

  private void await(String name, Duration timeout, Supplier<String> awaited, BooleanSupplier condition) {
    if (!clock.runUntil(condition, timeout.toNanos())) {
      throw new HarnessTimeoutException(name, timeout, awaited.get());
    }
  }

  // ---------------------------------------------------------------- OffloadHost (upcalls)

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    Event.Upcall e = upcall(Api.INITIATE_OFFLOAD_COMPLETE, root.ndisOffloadHandle().toString(), List.of(),
        Snapshots.tree(root), null, null, null);
    List<TcpHandover> handovers;
    PendingTree p;
    synchronized (this) {
      p = claim(root, true, e);
      if (p == null) {
        return;
      }
      handovers = pendingHandovers.remove(root);
    }
    for (TcpHandover h : handovers) {
      if (OffloadResult.isOffloaded(h.node.status())) {
        offloaded(h, p.slot);
      } else {
        takeBack(h);
      }
    }
    p.completedAt = e.seq();
  }

  private void offloaded(TcpHandover h, TargetSlot slot) {
    HostConnection c = h.connection;
    List<TcpSegment> forwards;
    synchronized (this) {
      c.phase = ConnectionPhase.OFFLOADED;
      c.context = h.node.miniportOffloadContext();
      c.streamEnd = h.streamEnd;
      c.sends.addAll(NetBufferList.toList(h.node.netBufferListChain()));
      forwards = List.copyOf(c.pendingForwards);
      c.pendingForwards.clear();
      c.tcp.clearOutstanding();
    }
    clock.execute(() -> {
      if (slot.uploadAllPending) {
        terminateSoon(c, "UPLOAD_ALL at event #" + slot.uploadAllEvent + " (TRM-6)");
      }
      forwardNow(c, forwards);
    });
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    Event.Upcall e = upcall(Api.TERMINATE_OFFLOAD_COMPLETE, root.ndisOffloadHandle().toString(), List.of(),
        Snapshots.tree(root), null, null, null);
    synchronized (this) {
      PendingTree p = claim(root, false, e);
      if (p == null) {
        return;
      }
      for (OffloadBlockList n : root.walk()) {
        HostConnection c = n.stateType() == OffloadStateType.TCP ? byHandle.get(n.ndisOffloadHandle()) : null;
        if (c != null) {
          p.uploads.put(c.name(), uploaded(c, n, e.seq()));
        }
      }
      p.completedAt = e.seq();
    }
  }

  /** Takes a connection back from a terminated TCP block list: the host now holds its state. */
  private TerminateResult.Upload uploaded(HostConnection c, OffloadBlockList n, long seq) {
    TcpDelegatedState delegated = n.tcpState().delegated().copy();
    List<NetBufferList> chain = NetBufferList.toList(n.netBufferListChain());
    List<NetBufferList> buffered = NetBufferList.toList(delegated.bufferedData());
    TerminateResult.Upload upload = new TerminateResult.Upload(c.name(), n.status(),
        n.netBufferListChain() == null, chain, delegated, buffered, seq);
    for (NetBufferList b : buffered) {
      c.deliver(ReturnedSendData.dataOf(b));
      toReturn.add(new IndicatedList(c.target, b));
    }
    c.lastUpload = upload;
    c.terminatePending = false;
    c.context = null;
    if (n.status() != NdisStatus.SUCCESS) {
      c.phase = ConnectionPhase.RESET;
      return upload;
    }
    ReturnedSendData resend = ReturnedSendData.of(chain, delegated.sndUna(), c.streamEnd);
    if (resend.problem() != null) {
      anomaly(false, c.name() + " terminate at event #" + seq + ": " + resend.problem());
    }
    c.tcp.restore(delegated, resend.fromSndUna());
    c.phase = ConnectionPhase.UPLOADED;
    return upload;
  }

  /** The pending initiate or terminate of {@code root}, marked complete; null (noted) when there is none. */
  private PendingTree claim(OffloadBlockList root, boolean initiate, Event.Upcall e) {
    PendingTree p = pending.get(root);
    String what = initiate ? "NdisMInitiateOffloadComplete" : "NdisMTerminateOffloadComplete";
    if (p == null || p.initiate != initiate) {
      anomaly(what + " of " + root.ndisOffloadHandle() + " at event #" + e.seq()
          + ": no such request is outstanding");
      return null;
    }
    if (p.claimedAt != 0) {
      anomaly(what + " of " + root.ndisOffloadHandle() + " at event #" + e.seq()
          + ": completed a second time (first at event #" + p.claimedAt + ")");
      return null;
    }
    p.claimedAt = e.seq();
    for (BlockView b : e.tree()) {
      p.statuses.put(b.name(), b.status());
    }
    return p;
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    List<NetBufferList> lists = NetBufferList.toList(chain);
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_SEND_COMPLETE, ownerName(lists), Snapshots.chain(chain),
        List.of(), null, null, null);
    synchronized (this) {
      for (NetBufferList l : lists) {
        NblLedger.Entry entry = ledger.complete(l, Purpose.SEND, e.seq(), this::anomaly);
        if (entry != null) {
          entry.connection.sendsCompleted++;
        }
      }
    }
  }

  @Override
  public void tcpOffloadReceiveComplete(NetBufferList chain) {
    List<NetBufferList> lists = NetBufferList.toList(chain);
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_RECEIVE_COMPLETE, ownerName(lists), Snapshots.chain(chain),
        List.of(), null, null, null);
    synchronized (this) {
      for (NetBufferList l : lists) {
        NblLedger.Entry entry = ledger.complete(l, Purpose.RECEIVE, e.seq(), this::anomaly);
        if (entry != null && l.status() == NdisStatus.SUCCESS) {
          entry.connection.deliver(ReturnedSendData.dataOf(l));
        }
      }
    }
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_RECEIVE_INDICATE, String.valueOf(connection),
        List.of(Snapshots.of(nbl)), List.of(), null, null, status);
    synchronized (this) {
      HostConnection c = byHandle.get(connection);
      if (c == null) {
        anomaly("NdisTcpOffloadReceiveHandler at event #" + e.seq() + ": unknown handle " + connection);
        return 0;
      }
      toReturn.add(new IndicatedList(c.target, nbl));
      if (!c.consumesIndications) {
        return 0;
      }
      c.deliver(ReturnedSendData.dataOf(nbl));
      return nbl.dataLength();
    }
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_DISCONNECT_COMPLETE, ownerName(List.of(nbl)),
        List.of(Snapshots.of(nbl)), List.of(), null, null, null);
    synchronized (this) {
      NblLedger.Entry entry = ledger.complete(nbl, Purpose.DISCONNECT, e.seq(), this::anomaly);
      if (entry != null) {
        entry.connection.disconnectStatus = nbl.status();
        if (nbl.status() != NdisStatus.SUCCESS) {
          entry.connection.disconnectFailedEvent = e.seq();
        }
      }
    }
  }

  @Override
  public void tcpOffloadForwardComplete(NetBufferList chain) {
    List<NetBufferList> lists = NetBufferList.toList(chain);
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_FORWARD_COMPLETE, ownerName(lists), Snapshots.chain(chain),
        List.of(), null, null, null);
    synchronized (this) {
      for (NetBufferList l : lists) {
        ledger.complete(l, Purpose.FORWARD, e.seq(), this::anomaly);
      }
    }
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    Event.Upcall e = new UpcallBuilder(Api.TCP_OFFLOAD_EVENT, String.valueOf(connection))
        .event(event, reason).record();
    synchronized (this) {
      HostConnection c = byHandle.get(connection);
      if (c == null) {
        anomaly("NdisTcpOffloadEventHandler(" + event + ") at event #" + e.seq() + ": " + connection
            + " is not a TCP object the host offloaded");
        return;
      }
      switch (event) {
        case INDICATE_DISCONNECT -> c.peerDisconnectIndicated = true;
        case INDICATE_ABORT -> c.abortIndicated = true;
        case INDICATE_RETRIEVE -> retrieveRequested(c, e);
        case INDICATE_SEND_BACKLOG_CHANGE -> { }
      }
    }
  }

  /** TRM-1: terminate as soon as possible; TRM-4: a repeated request changes nothing. */
  private void retrieveRequested(HostConnection c, Event.Upcall e) {
    if (c.terminatePending || c.phase != ConnectionPhase.OFFLOADED) {
      log.note("host tolerates TcpIndicateRetrieve for " + c.name() + " at event #" + e.seq()
          + ": " + (c.terminatePending ? "its termination is already under way" : "it is " + c.phase)
          + " (TRM-4)");
      return;
    }
    c.terminatePending = true;
    clock.execute(() -> terminateSoon(c, "TcpIndicateRetrieve at event #" + e.seq() + " (TRM-1)"));
  }

  /** Starts the terminate of {@code c} without waiting, unless the connection left the target meanwhile. */
  private void terminateSoon(HostConnection c, String because) {
    if (c.phase != ConnectionPhase.OFFLOADED) {
      c.terminatePending = c.phase == ConnectionPhase.TERMINATING;
      return;
    }
    log.note("host terminates " + c.name() + " after " + because);
    startTerminate(c);
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    indicateStatus(primary, statusCode);
  }

  /** {@link #indicateStatus(NdisStatus)} from the target of {@code slot}. */
  void indicateStatus(TargetSlot slot, NdisStatus statusCode) {
    Event.Upcall e = new UpcallBuilder(Api.INDICATE_STATUS, null).status(statusCode).record();
    synchronized (this) {
      if (statusCode == NdisStatus.UPLOAD_ALL) {
        slot.uploadAllPending = true;
        slot.uploadAllEvent = e.seq();
        for (HostConnection c : connections) {
          if (c.target == slot.target && c.phase == ConnectionPhase.OFFLOADED && !c.terminatePending) {
            c.terminatePending = true;
            clock.execute(() -> terminateSoon(c, "UPLOAD_ALL at event #" + e.seq() + " (TRM-6)"));
          }
        }
      } else if (statusCode == NdisStatus.OFFLOAD_RESUME) {
        slot.uploadAllPending = false;
      }
    }
  }

  @Override
  public void indicateReceiveNetBufferLists(byte[] ipPacket) {
    byte[] packet = ipPacket.clone();
    TcpSegment segment;
    String problem = null;
    try {
      segment = SegmentCodec.decode(packet);
    } catch (MalformedPacketException ex) {
      segment = null;
      problem = ex.getMessage();
    }
    HostConnection c;
    synchronized (this) {
      c = segment == null ? null : byTuple.get(List.of(segment.destination(), segment.source()));
    }
    Event.Upcall e = new UpcallBuilder(Api.INDICATE_RECEIVE_NET_BUFFER_LISTS, c == null ? null : c.name())
        .record();
    if (segment == null) {
      anomaly("NdisMIndicateReceiveNetBufferLists at event #" + e.seq() + ": not a TCP/IPv4 packet: " + problem);
      return;
    }
    if (c != null) {
      TcpSegment s = segment;
      clock.execute(() -> ordinaryReceive(c, s));
    }
  }

  /** A segment of a known connection from the ordinary receive path, routed by who runs it. */
  private void ordinaryReceive(HostConnection c, TcpSegment s) {
    switch (c.phase) {
      case CONNECTING, HOST -> {
        c.tcp.onSegment(s);
        if (c.tcp.state() == HostTcp.State.CLOSED) {
          c.phase = ConnectionPhase.RESET;
        }
      }
      case OFFLOADING -> c.pendingForwards.add(s);
      case OFFLOADED -> forwardNow(c, List.of(s));
      case TERMINATING, UPLOADED -> c.heldSegments.add(s);
      case RESET -> { }
    }
  }

  // ---------------------------------------------------------------- helpers

  private Event.Upcall upcall(Api api, String connection, List<NblView> nbls, List<BlockView> tree,
      TcpOffloadEvent event, TcpUploadReason reason, NdisStatus status) {
    boolean onHostThread = Thread.currentThread() == hostThread;
    return log.append((seq, time) ->
        new Event.Upcall(seq, time, api, connection, nbls, tree, event, reason, status, onHostThread));
  }

  /** Names the fields of an upcall that has few of them. */
  private final class UpcallBuilder {
    private final Api api;
    private final String connection;
    private TcpOffloadEvent event;
    private TcpUploadReason reason;
    private NdisStatus status;

    UpcallBuilder(Api api, String connection) {
      this.api = api;
      this.connection = connection;
    }

    UpcallBuilder event(TcpOffloadEvent e, TcpUploadReason r) {
      event = e;
      reason = r;
      return this;
    }

    UpcallBuilder status(NdisStatus s) {
      status = s;
      return this;
    }

    Event.Upcall record() {
      return upcall(api, connection, List.of(), List.of(), event, reason, status);
    }
  }

  private synchronized String ownerName(List<NetBufferList> lists) {
    if (lists.isEmpty()) {
      return null;
    }
    NblLedger.Entry e = ledger.find(lists.get(0).id());
    return e == null ? null : e.connection.name();
  }

  /** Notes an upcall out of order: the target's conduct. */
  private void anomaly(String text) {
    anomaly(true, text);
  }

  private synchronized void anomaly(boolean targetConduct, String text) {
    anomalies.add(new Anomaly(text, targetConduct));
    log.note("host anomaly: " + text);
  }

  private void requireAttached() {
    if (primary.target == null) {
      throw new IllegalStateException("no target attached to the host stack");
    }
  }

  private static void requirePhase(HostConnection c, String action, ConnectionPhase... allowed) {
    for (ConnectionPhase p : allowed) {
      if (c.phase == p) {
        return;
      }
    }
    throw new IllegalStateException("cannot " + action + " " + c.name() + ": it is " + c.phase
        + ", expected " + List.of(allowed));
  }

  private TargetSlot slotOf(OffloadTarget target) {
    for (TargetSlot s : slots) {
      if (s.target == target) {
        return s;
      }
    }
    throw new IllegalArgumentException("target not attached to this host stack: " + target);
  }

  // ---------------------------------------------------------------- bookkeeping types

  /** An initiate or terminate the host issued and is waiting for. */
  private final class PendingTree {
    final OffloadBlockList root;
    final TargetSlot slot;
    final boolean initiate;
    final Map<String, NdisStatus> statuses = new LinkedHashMap<>();
    final Map<String, TerminateResult.Upload> uploads = new LinkedHashMap<>();
    NdisStatus returned;
    long callSeq;
    /** Set (under the stack's lock) when the completion is taken; detects a second one. */
    long claimedAt;
    /**
     * Set last, once the completion's effects are in place: the host thread waits on it and then
     * reads them, and a target's own thread may complete before the host thread even sees the call
     * return.
     */
    volatile long completedAt;

    PendingTree(OffloadBlockList root, TargetSlot slot, boolean initiate) {
      this.root = root;
      this.slot = slot;
      this.initiate = initiate;
      synchronized (HostStack.this) {
        pending.put(root, this);
      }
    }
  }

  /** A connection handed over in an initiate: its block list, the new send data, the stream's end. */
  private record TcpHandover(HostConnection connection, OffloadBlockList node, List<byte[]> sendData,
      long streamEnd) {}

  /**
   * Something the host noticed out of order; {@code targetConduct} when it is an upcall of the
   * target's, false when it is the host's own reconstruction of what a terminate returned.
   */
  private record Anomaly(String text, boolean targetConduct) {}

  /** A list the target passed up, to give back to it. */
  private record IndicatedList(OffloadTarget target, NetBufferList nbl) {}
}
