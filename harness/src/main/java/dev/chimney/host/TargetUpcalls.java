package dev.chimney.host;

import dev.chimney.host.HostContext.IndicatedList;
import dev.chimney.host.NblLedger.Purpose;
import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.TcpSegment;
import java.util.List;

/**
 * The host's side of the SPI: what {@link HostStack} does as the targets' {@link OffloadHost}. It
 * takes completions and indications from any thread; every one is recorded as an {@link
 * Event.Upcall} before anything else, none throws back, and what is out of order (a completion of a
 * list never handed over, a second completion, an unknown handle) is noted as an anomaly rather than
 * refused. Completions of lists are settled in the ledger here; completions of initiates and
 * terminates, retrieve requests and UPLOAD_ALL go to {@link OffloadInitiation} and {@link
 * OffloadTermination}, and packets from the ordinary receive path to {@link OrdinaryPath}, each
 * reaction that calls a target again deferred to the clock so that no handler is re-entered.
 */
final class TargetUpcalls implements OffloadHost {
  private final HostContext host;
  private final OffloadInitiation initiation;
  private final OffloadTermination termination;
  private final OrdinaryPath ordinary;
  /** The thread constructing the stack, which runs the clock; upcalls record whether they came on it. */
  private final Thread hostThread = Thread.currentThread();

  TargetUpcalls(HostContext host, OffloadInitiation initiation, OffloadTermination termination,
      OrdinaryPath ordinary) {
    this.host = host;
    this.initiation = initiation;
    this.termination = termination;
    this.ordinary = ordinary;
  }

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    Event.Upcall e = upcall(Api.INITIATE_OFFLOAD_COMPLETE, root.ndisOffloadHandle().toString(), List.of(),
        Snapshots.tree(root), null, null, null);
    initiation.completed(root, e);
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    Event.Upcall e = upcall(Api.TERMINATE_OFFLOAD_COMPLETE, root.ndisOffloadHandle().toString(), List.of(),
        Snapshots.tree(root), null, null, null);
    termination.completed(root, e);
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    List<NetBufferList> lists = NetBufferList.toList(chain);
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_SEND_COMPLETE, ownerName(lists), Snapshots.chain(chain),
        List.of(), null, null, null);
    synchronized (host.lock) {
      for (NetBufferList l : lists) {
        NblLedger.Entry entry = host.ledger.complete(l, Purpose.SEND, e.seq(), host::anomaly);
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
    synchronized (host.lock) {
      for (NetBufferList l : lists) {
        NblLedger.Entry entry = host.ledger.complete(l, Purpose.RECEIVE, e.seq(), host::anomaly);
        if (entry != null && l.status() == NdisStatus.SUCCESS) {
          entry.connection.deliver(l.data());
        }
      }
    }
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_RECEIVE_INDICATE, String.valueOf(connection),
        List.of(Snapshots.of(nbl)), List.of(), null, null, status);
    synchronized (host.lock) {
      HostConnection c = host.byHandle.get(connection);
      if (c == null) {
        host.anomaly("NdisTcpOffloadReceiveHandler at event #" + e.seq() + ": unknown handle " + connection);
        return 0;
      }
      host.toReturn.add(new IndicatedList(c.target, nbl));
      if (!c.consumesIndications) {
        return 0;
      }
      c.deliver(nbl.data());
      return nbl.dataLength();
    }
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    Event.Upcall e = upcall(Api.TCP_OFFLOAD_DISCONNECT_COMPLETE, ownerName(List.of(nbl)),
        List.of(Snapshots.of(nbl)), List.of(), null, null, null);
    synchronized (host.lock) {
      NblLedger.Entry entry = host.ledger.complete(nbl, Purpose.DISCONNECT, e.seq(), host::anomaly);
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
    synchronized (host.lock) {
      for (NetBufferList l : lists) {
        host.ledger.complete(l, Purpose.FORWARD, e.seq(), host::anomaly);
      }
    }
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    Event.Upcall e = new UpcallBuilder(Api.TCP_OFFLOAD_EVENT, String.valueOf(connection))
        .event(event, reason).record();
    synchronized (host.lock) {
      HostConnection c = host.byHandle.get(connection);
      if (c == null) {
        host.anomaly("NdisTcpOffloadEventHandler(" + event + ") at event #" + e.seq() + ": " + connection
            + " is not a TCP object the host offloaded");
        return;
      }
      switch (event) {
        case INDICATE_DISCONNECT -> c.peerDisconnectIndicated = true;
        case INDICATE_ABORT -> c.abortIndicated = true;
        case INDICATE_RETRIEVE -> termination.retrieveRequested(c, e);
        case INDICATE_SEND_BACKLOG_CHANGE -> { }
      }
    }
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    indicateStatus(host.primary, statusCode);
  }

  /** {@link #indicateStatus(NdisStatus)} from the target of {@code slot}. */
  void indicateStatus(TargetSlot slot, NdisStatus statusCode) {
    Event.Upcall e = new UpcallBuilder(Api.INDICATE_STATUS, null).status(statusCode).record();
    termination.statusIndicated(slot, statusCode, e);
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
    synchronized (host.lock) {
      c = segment == null ? null : host.byTuple.get(List.of(segment.destination(), segment.source()));
    }
    Event.Upcall e = new UpcallBuilder(Api.INDICATE_RECEIVE_NET_BUFFER_LISTS, c == null ? null : c.name())
        .record();
    if (segment == null) {
      host.anomaly("NdisMIndicateReceiveNetBufferLists at event #" + e.seq() + ": not a TCP/IPv4 packet: "
          + problem);
      return;
    }
    if (c != null) {
      TcpSegment s = segment;
      host.clock.execute(() -> ordinary.receive(c, s));
    }
  }

  private Event.Upcall upcall(Api api, String connection, List<NblView> nbls, List<BlockView> tree,
      TcpOffloadEvent event, TcpUploadReason reason, NdisStatus status) {
    boolean onHostThread = Thread.currentThread() == hostThread;
    return host.log.append((seq, time) ->
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

  /** The connection the first of {@code lists} was handed over for, or null (none, or not the host's). */
  private String ownerName(List<NetBufferList> lists) {
    synchronized (host.lock) {
      if (lists.isEmpty()) {
        return null;
      }
      NblLedger.Entry e = host.ledger.find(lists.get(0).id());
      return e == null ? null : e.connection.name();
    }
  }
}
