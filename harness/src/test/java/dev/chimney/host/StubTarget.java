package dev.chimney.host;

import dev.chimney.spi.Capability;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.OffloadTargetProvider;
import dev.chimney.spi.PathState;
import dev.chimney.spi.TargetContext;
import dev.chimney.spi.TcpConnectionState;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpState;
import dev.chimney.spi.TcpUploadReason;
import dev.chimney.wire.Endpoint;
import dev.chimney.wire.MalformedPacketException;
import dev.chimney.wire.SegmentCodec;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpFlag;
import dev.chimney.wire.TcpOptions;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny offload target for the host stack's tests: it completes every request on the next clock
 * tick, passes ordinary sends to the link unchanged, and runs a toy TCP sender (whole chunks as
 * segments, no window, no retransmission) so that a transfer can be interrupted by a terminate.
 * Switches make it misbehave in the ways the tests need.
 */
class StubTarget implements OffloadTarget {
  /** Status to give an object by name at initiate; absent means SUCCESS. */
  final Map<String, NdisStatus> initiateStatus = new HashMap<>();
  boolean throwOnSend;
  boolean completeSendsTwice;
  boolean neverCompleteSends;
  boolean failDisconnects;
  boolean resumeAfterUploadAll = true;
  int retrieveIndications = 1;
  /** Added to the SndUna a terminate returns: non-zero returns one outside the returned send data. */
  long returnedSndUnaShift;
  /** Non-null: complete each initiate inside the call, then return this instead of PENDING. */
  NdisStatus initiateCompletedInlineThenReturned;

  private final TargetContext context;
  private final List<Conn> offloaded = new ArrayList<>();
  private int ipId;

  StubTarget(TargetContext context) {
    this.context = context;
  }

  /** A provider handing out stub targets, keeping the last one for the test to configure. */
  static final class Provider implements OffloadTargetProvider {
    StubTarget last;

    @Override
    public String name() {
      return "stub";
    }

    @Override
    public String description() {
      return "the host stack tests' stub target";
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of(Capability.VIRTUAL_TIME, Capability.TERMINATE_REQUEST, Capability.UPLOAD_ALL);
    }

    @Override
    public OffloadTarget create(TargetContext context) {
      last = new StubTarget(context);
      return last;
    }
  }

  /** The toy engine's view of one offloaded connection. */
  private final class Conn {
    final OffloadBlockList node;
    final Endpoint local;
    final Endpoint remote;
    long sndUna;
    long sndNxt;
    long rcvNxt;
    boolean terminating;
    final List<NetBufferList> outstanding = new ArrayList<>();
    final List<Long> ends = new ArrayList<>();

    Conn(OffloadBlockList node, PathState path) {
      this.node = node;
      TcpState s = node.tcpState();
      this.local = new Endpoint(path.sourceAddress(), s.localPort());
      this.remote = new Endpoint(path.destinationAddress(), s.remotePort());
      TcpDelegatedState d = s.delegated();
      sndUna = d.sndUna().getAsLong();
      sndNxt = d.sndNxt().getAsLong();
      rcvNxt = d.rcvNxt().getAsLong();
    }

    void send(NetBufferList chain) {
      for (NetBufferList l : NetBufferList.toList(chain)) {
        byte[] data = l.firstBuffer().data();
        transmit(new TcpSegment(local, remote, sndNxt, rcvNxt, TcpFlag.mask(TcpFlag.ACK, TcpFlag.PSH),
            1024, TcpOptions.NONE, data));
        sndNxt = SeqNum.add(sndNxt, data.length);
        outstanding.add(l);
        ends.add(sndNxt);
      }
    }

    void onAck(long ack) {
      if (SeqNum.le(ack, sndUna) || SeqNum.gt(ack, sndNxt)) {
        return;
      }
      sndUna = ack;
      List<NetBufferList> done = new ArrayList<>();
      while (!outstanding.isEmpty() && SeqNum.le(ends.get(0), sndUna)) {
        done.add(outstanding.remove(0));
        ends.remove(0);
      }
      if (!done.isEmpty() && !neverCompleteSends) {
        NetBufferList head = NetBufferList.chain(done);
        context.host().tcpOffloadSendComplete(head);
        if (completeSendsTwice) {
          context.host().tcpOffloadSendComplete(head);
        }
      }
    }
  }

  @Override
  public NdisStatus initiateOffload(OffloadBlockList root) {
    Runnable complete = () -> {
      for (OffloadBlockList path : root.dependents()) {
        for (OffloadBlockList tcp : path.dependents()) {
          NdisStatus s = initiateStatus.getOrDefault(tcp.ndisOffloadHandle().toString(), NdisStatus.SUCCESS);
          tcp.setStatus(s);
          if (s == NdisStatus.SUCCESS) {
            Conn c = new Conn(tcp, (PathState) path.state());
            tcp.setMiniportOffloadContext(c);
            offloaded.add(c);
            c.send(tcp.netBufferListChain());
          }
        }
        path.setStatus(partial(path));
      }
      root.setStatus(partial(root));
      context.host().initiateOffloadComplete(root);
    };
    if (initiateCompletedInlineThenReturned != null) {
      complete.run();
      return initiateCompletedInlineThenReturned;
    }
    context.clock().execute(complete);
    return NdisStatus.PENDING;
  }

  private static NdisStatus partial(OffloadBlockList parent) {
    for (OffloadBlockList child : parent.dependents()) {
      if (child.status() != NdisStatus.SUCCESS && child.status() != NdisStatus.OFFLOAD_PARTIAL_SUCCESS) {
        return NdisStatus.OFFLOAD_PARTIAL_SUCCESS;
      }
    }
    return NdisStatus.SUCCESS;
  }

  @Override
  public NdisStatus terminateOffload(OffloadBlockList root) {
    for (OffloadBlockList n : root.walk()) {
      if (n.stateType() == OffloadStateType.TCP) {
        ((Conn) n.miniportOffloadContext()).terminating = true;
      }
    }
    context.clock().execute(() -> {
      for (OffloadBlockList n : root.walk()) {
        n.setStatus(NdisStatus.SUCCESS);
        if (n.stateType() == OffloadStateType.TCP) {
          Conn c = (Conn) n.miniportOffloadContext();
          n.tcpState().delegated()
              .set(Field.SND_UNA, c.sndUna + returnedSndUnaShift).set(Field.SND_NXT, c.sndNxt).set(Field.SND_MAX, c.sndNxt)
              .set(Field.RCV_NXT, c.rcvNxt).set(Field.SND_WND, 65535)
              .setState(TcpConnectionState.ESTABLISHED);
          n.setNetBufferListChain(NetBufferList.chain(c.outstanding));
          offloaded.remove(c);
        }
      }
      context.host().terminateOffloadComplete(root);
    });
    return NdisStatus.PENDING;
  }

  @Override
  public NdisStatus tcpOffloadSend(Object ctx, NetBufferList chain) {
    if (throwOnSend) {
      throw new IllegalStateException("stub send handler broke");
    }
    Conn c = (Conn) ctx;
    if (c.terminating) {
      return NdisStatus.UPLOAD_IN_PROGRESS;
    }
    c.send(chain);
    return NdisStatus.PENDING;
  }

  @Override
  public NdisStatus tcpOffloadReceive(Object ctx, NetBufferList chain) {
    return NdisStatus.PENDING;
  }

  @Override
  public void tcpOffloadReceiveReturn(NetBufferList chain) {
    // the stub keeps no receive resources
  }

  @Override
  public NdisStatus tcpOffloadDisconnect(Object ctx, NetBufferList nbl, DisconnectFlags flags) {
    context.clock().execute(() -> {
      nbl.setStatus(failDisconnects ? NdisStatus.FAILURE : NdisStatus.SUCCESS);
      context.host().tcpOffloadDisconnectComplete(nbl);
    });
    return NdisStatus.PENDING;
  }

  @Override
  public NdisStatus tcpOffloadForward(Object ctx, NetBufferList chain) {
    context.clock().execute(() -> context.host().tcpOffloadForwardComplete(chain));
    return NdisStatus.PENDING;
  }

  @Override
  public void sendNetBufferLists(byte[] ipPacket) {
    context.link().transmit(ipPacket);
  }

  @Override
  public void receiveFromWire(byte[] ipPacket) {
    TcpSegment s;
    try {
      s = SegmentCodec.decode(ipPacket);
    } catch (MalformedPacketException e) {
      return;
    }
    for (Conn c : offloaded) {
      if (!c.terminating && c.local.equals(s.destination()) && c.remote.equals(s.source())) {
        if (s.has(TcpFlag.ACK)) {
          c.onAck(s.ack());
        }
        return;
      }
    }
    context.host().indicateReceiveNetBufferLists(ipPacket);
  }

  @Override
  public void requestRetrieve(Object ctx) {
    Conn c = (Conn) ctx;
    for (int i = 0; i < retrieveIndications; i++) {
      context.host().tcpOffloadEvent(c.node.ndisOffloadHandle(), TcpOffloadEvent.INDICATE_RETRIEVE,
          TcpUploadReason.UPLOAD_REQUESTED);
    }
  }

  @Override
  public void requestUploadAll() {
    context.host().indicateStatus(NdisStatus.UPLOAD_ALL);
    if (resumeAfterUploadAll) {
      context.clock().schedule(UPLOAD_ALL_RESUME_DELAY_NANOS, this::resumeWhenEmpty);
    }
  }

  /** How long after UPLOAD_ALL the stub looks whether every connection is gone, to resume. */
  static final long UPLOAD_ALL_RESUME_DELAY_NANOS = 1_000_000;

  private void resumeWhenEmpty() {
    if (offloaded.isEmpty()) {
      context.host().indicateStatus(NdisStatus.OFFLOAD_RESUME);
    } else {
      context.clock().schedule(UPLOAD_ALL_RESUME_DELAY_NANOS, this::resumeWhenEmpty);
    }
  }

  private void transmit(TcpSegment s) {
    context.link().transmit(SegmentCodec.encode(s, ++ipId, 64));
  }

  @Override
  public void close() {
    offloaded.clear();
  }
}
