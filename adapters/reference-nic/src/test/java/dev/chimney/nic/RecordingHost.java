package dev.chimney.nic;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A fake host that records every upcall as a numbered {@link Call}, so failure messages can name
 * the event. Statuses are copied when the call is made: later changes do not rewrite history.
 */
final class RecordingHost implements OffloadHost {
  /** What was called, in order; {@code number} counts from 1. */
  record Call(int number, String name, Object subject, List<Long> listIds, List<NdisStatus> statuses, String detail) {
    @Override
    public String toString() {
      return "event #" + number + " " + name + "(" + subject + (detail.isEmpty() ? "" : ", " + detail) + ")"
          + (listIds.isEmpty() ? "" : " lists " + listIds + " " + statuses);
    }
  }

  private final List<Call> calls = new ArrayList<>();
  private final ByteArrayOutputStream indicated = new ByteArrayOutputStream();
  private final List<byte[]> ordinaryReceives = new ArrayList<>();
  /** How many bytes the client consumes of an indication of n bytes; all of them unless a test says otherwise. */
  IntUnaryOperator consumeOnIndicate = n -> n;

  List<Call> calls() {
    return calls;
  }

  /** The calls named {@code name}, in order. */
  List<Call> calls(String name) {
    return calls.stream().filter(c -> c.name.equals(name)).toList();
  }

  /** Every byte consumed from receive indications and completed posted receives, in order. */
  byte[] deliveredBytes() {
    return indicated.toByteArray();
  }

  /** Packets that came up the ordinary receive path. */
  List<byte[]> ordinaryReceives() {
    return ordinaryReceives;
  }

  /** The ids of every list completed by tcpOffloadSendComplete, in completion order. */
  List<Long> completedSendIds() {
    return calls("tcpOffloadSendComplete").stream().flatMap(c -> c.listIds.stream()).toList();
  }

  /** The statuses of every list completed by tcpOffloadSendComplete, in completion order. */
  List<NdisStatus> completedSendStatuses() {
    return calls("tcpOffloadSendComplete").stream().flatMap(c -> c.statuses.stream()).toList();
  }

  private Call record(String name, Object subject, NetBufferList chain, String detail) {
    List<NetBufferList> lists = NetBufferList.toList(chain);
    Call call = new Call(calls.size() + 1, name, subject,
        lists.stream().map(NetBufferList::id).toList(),
        lists.stream().map(NetBufferList::status).toList(), detail);
    calls.add(call);
    return call;
  }

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    record("initiateOffloadComplete", root, null, "");
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    record("terminateOffloadComplete", root, null, "");
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    record("tcpOffloadSendComplete", null, chain, "");
  }

  @Override
  public void tcpOffloadReceiveComplete(NetBufferList chain) {
    for (NetBufferList list : NetBufferList.toList(chain)) {
      list.buffers().forEach(b -> indicated.writeBytes(b.data()));
    }
    record("tcpOffloadReceiveComplete", null, chain, "");
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    byte[] data = nbl.firstBuffer().data();
    int consumed = consumeOnIndicate.applyAsInt(data.length);
    indicated.write(data, 0, consumed);
    record("tcpOffloadReceiveIndicate", connection, nbl, data.length + " bytes, consumed " + consumed);
    return consumed;
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    record("tcpOffloadDisconnectComplete", null, nbl, "");
  }

  @Override
  public void tcpOffloadForwardComplete(NetBufferList chain) {
    record("tcpOffloadForwardComplete", null, chain, "");
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    record("tcpOffloadEvent", connection, null, event + (reason == null ? "" : " " + reason));
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    record("indicateStatus", statusCode, null, "");
  }

  @Override
  public void indicateReceiveNetBufferLists(byte[] ipPacket) {
    ordinaryReceives.add(ipPacket.clone());
    record("indicateReceiveNetBufferLists", ipPacket.length + " bytes", null, "");
  }
}
