package dev.chimney.host;

import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.TcpSegment;
import java.util.List;

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

  // This class is the public face; the parts below do the work, one concern each, and share one
  // HostContext whose lock is this stack's monitor.
  private final HostContext host;
  private final OrdinaryPath ordinary;
  private final DataCalls dataCalls;
  private final OffloadInitiation initiation;
  private final OffloadTermination termination;
  private final TargetUpcalls upcalls;

  /**
   * @param clock the run's clock; the thread constructing the stack is taken as the host thread
   * @param log where every call, return and upcall is recorded
   * @param timeouts the named waits
   */
  public HostStack(HostClock clock, EventLog log, Timeouts timeouts) {
    this.host = new HostContext(this, clock, log, timeouts);
    this.dataCalls = new DataCalls(host);
    this.ordinary = new OrdinaryPath(host, dataCalls);
    PendingTrees pending = new PendingTrees(host);
    this.termination = new OffloadTermination(host, pending);
    this.initiation = new OffloadInitiation(host, pending, termination, dataCalls, ordinary);
    this.upcalls = new TargetUpcalls(host, initiation, termination, ordinary);
  }

  /** Attaches the target under test, which was created with this stack as its host. */
  public void attach(OffloadTarget target) {
    host.primary.target = target;
  }

  /**
   * The {@link OffloadHost} to create one more target with (failover, TRM-8). Upcalls through it are
   * attributed to that target (UPLOAD_ALL concerns only its connections); attach the target with
   * {@link #attach(OffloadHost, OffloadTarget)}.
   */
  public OffloadHost additionalHost() {
    TargetSlot slot = new TargetSlot(this);
    host.slots.add(slot);
    return slot;
  }

  /** Attaches {@code target}, created with {@code slotHost} from {@link #additionalHost()}. */
  public void attach(OffloadHost slotHost, OffloadTarget target) {
    for (TargetSlot s : host.slots) {
      if (s == slotHost) {
        s.target = target;
        return;
      }
    }
    throw new IllegalArgumentException("not an OffloadHost of this stack: " + slotHost);
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
    return ordinary.connect(local, remote);
  }

  /** The connections made so far, in creation order. */
  public List<HostConnection> connections() {
    return host.connections();
  }

  /**
   * The name of the connection between {@code a} and {@code b} (either way round), for packet
   * events; null when the host made none. Any thread.
   */
  public String connectionName(Endpoint a, Endpoint b) {
    return host.connectionName(a, b);
  }

  /**
   * What the host noticed out of order, in order: in the target's upcalls, and in the send data a
   * terminate returned; each is also a log note.
   */
  public List<String> anomalies() {
    return host.anomalies();
  }

  /**
   * The {@link #anomalies()} that are the target's conduct: its upcalls out of order, each named by
   * its NDIS function. Leaves out what the host found reconstructing a terminated connection's send
   * stream. Any thread.
   */
  public List<String> targetAnomalies() {
    return host.targetAnomalies();
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
    return initiation.initiate(tree);
  }

  /**
   * Failover (TRM-8): offloads a connection whose terminate completed ({@link
   * ConnectionPhase#UPLOADED}) to {@code other}, with the state and send data the terminate
   * returned; segments held meanwhile are forwarded once the offload completes.
   */
  public OffloadResult reoffload(HostConnection conn, OffloadTarget other) {
    return initiation.reoffload(conn, other);
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
    return dataCalls.send(conn, chunks);
  }

  /** MiniportTcpOffloadReceive: posts one empty list per capacity, in one chain. */
  public List<NetBufferList> postReceive(HostConnection conn, int... capacities) {
    return dataCalls.postReceive(conn, capacities);
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
    return dataCalls.disconnect(conn, flags, data);
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
    return dataCalls.forward(conn, segments);
  }

  /**
   * MiniportTerminateOffload of each connection (one call each, a TCP block list as root), then
   * waits for every completion. A connection whose termination is already under way (after a
   * TcpIndicateRetrieve or UPLOAD_ALL) is waited for, not terminated twice.
   */
  public TerminateResult terminate(HostConnection... conns) {
    return termination.terminate(conns);
  }

  /**
   * MiniportTerminateOffload of {@code conn} without waiting for its completion, for scenarios that
   * act while the terminate is in progress; {@link #terminate(HostConnection...)} or {@link
   * #awaitTerminated} then waits for it.
   */
  public void beginTerminate(HostConnection conn) {
    termination.beginTerminate(conn);
  }

  /**
   * MiniportTerminateOffload of a whole tree offloaded by {@link #initiate}: the objects it
   * offloaded, parent first, in one call; waits for the completion.
   */
  public TerminateResult terminate(OffloadTree tree) {
    return termination.terminate(tree);
  }

  /** Waits until a terminate of {@code conn} (asked for by anyone) has completed. */
  public void awaitTerminated(HostConnection conn) {
    termination.awaitTerminated(conn);
  }

  /** Asks the target to indicate UPLOAD_ALL ({@link OffloadTarget#requestUploadAll()}). */
  public void requestUploadAll() {
    termination.requestUploadAll();
  }

  /** Asks the target to request the termination of {@code conn} ({@link OffloadTarget#requestRetrieve}). */
  public void requestRetrieve(HostConnection conn) {
    termination.requestRetrieve(conn);
  }

  /**
   * MiniportTcpOffloadReceiveReturn: gives back every list the target indicated or handed back as
   * buffered data and the host has not returned yet, one call per target.
   *
   * @return the lists returned, in the order they came up
   */
  public List<NetBufferList> returnIndicated() {
    return dataCalls.returnIndicated();
  }

  /**
   * After a completed terminate, the host runs the connection itself from the returned state and
   * data: it processes segments held during the terminate, acknowledges the peer up to RcvNxt, sends
   * again from SndUna (unacknowledged data, then the unsent rest and any send the target refused),
   * through the ordinary path.
   */
  public void carryOn(HostConnection conn) {
    ordinary.carryOn(conn);
  }

  /** Sends {@code data} on a connection the host runs itself (after {@link #carryOn}). */
  public void sendOrdinary(HostConnection conn, byte[] data) {
    ordinary.sendOrdinary(conn, data);
  }

  /**
   * Whether the host's client consumes what the target indicates on {@code conn}: when it does not,
   * indications return 0 bytes consumed and the data stays the target's to hand back (TOC-8).
   */
  public void setConsumesIndications(HostConnection conn, boolean consumes) {
    dataCalls.setConsumesIndications(conn, consumes);
  }

  // ---------------------------------------------------------------- waits

  /** Waits until the target has completed at least {@code n} sends of {@code conn}. */
  public void awaitSendCompletions(HostConnection conn, int n) {
    dataCalls.awaitSendCompletions(conn, n);
  }

  /** Waits until the target has completed the last disconnect of {@code conn}. */
  public void awaitDisconnectComplete(HostConnection conn) {
    dataCalls.awaitDisconnectComplete(conn);
  }

  /** Waits until the host's application has received at least {@code bytes} bytes on {@code conn}. */
  public void awaitReceived(HostConnection conn, int bytes) {
    dataCalls.awaitReceived(conn, bytes);
  }

  /** Waits until the host's own TCP has had every byte of {@code conn} acknowledged by the peer. */
  public void awaitAllAcknowledged(HostConnection conn) {
    ordinary.awaitAllAcknowledged(conn);
  }

  // ---------------------------------------------------------------- OffloadHost (upcalls)

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    upcalls.initiateOffloadComplete(root);
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    upcalls.terminateOffloadComplete(root);
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    upcalls.tcpOffloadSendComplete(chain);
  }

  @Override
  public void tcpOffloadReceiveComplete(NetBufferList chain) {
    upcalls.tcpOffloadReceiveComplete(chain);
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    return upcalls.tcpOffloadReceiveIndicate(connection, nbl, status);
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    upcalls.tcpOffloadDisconnectComplete(nbl);
  }

  @Override
  public void tcpOffloadForwardComplete(NetBufferList chain) {
    upcalls.tcpOffloadForwardComplete(chain);
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    upcalls.tcpOffloadEvent(connection, event, reason);
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    upcalls.indicateStatus(statusCode);
  }

  /** {@link #indicateStatus(NdisStatus)} from the target of {@code slot}. */
  void indicateStatus(TargetSlot slot, NdisStatus statusCode) {
    upcalls.indicateStatus(slot, statusCode);
  }

  @Override
  public void indicateReceiveNetBufferLists(byte[] ipPacket) {
    upcalls.indicateReceiveNetBufferLists(ipPacket);
  }
}
