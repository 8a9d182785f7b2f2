package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.OffloadStateType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TOC-9: after completing a terminate, the target holds nothing of the terminated connections: no
 * further completion or indication for them, and no segment of its own on them.
 *
 * <p>Exercised by every completed terminate of a TCP object; from then until the connection is
 * offloaded again, broken by:
 * <ul>
 *   <li>a packet towards the peer on it that the host's ordinary send path did not put there (the
 *       host sends on uploaded connections through MiniportSendNetBufferLists, and each such call
 *       accounts for one packet);
 *   <li>an upcall naming it, other than NdisMIndicateReceiveNetBufferLists (the ordinary receive
 *       path is where its segments now belong);
 *   <li>a send, receive or disconnect completion of one of its lists.
 * </ul>
 *
 * <p>When it fails: a timer (retransmission, delayed ACK, keep-alive) or a queued completion
 * outlived the upload; the target must cancel them before completing the terminate.
 */
final class Toc9NothingAfterTerminate extends MonitorBase {
  private final Map<String, Event.Upcall> uploaded = new LinkedHashMap<>();

  Toc9NothingAfterTerminate(MonitorContext context) {
    super("TOC-9", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE) {
      if (tracker().lastTerminateCompletion().call() != null) {
        for (BlockView b : u.tree()) {
          if (b.type() == OffloadStateType.TCP) {
            exercise();
            uploaded.put(b.name(), u);
          }
        }
      }
    } else if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD) {
      c.tree().forEach(b -> uploaded.remove(b.name()));
    } else if (event instanceof Event.Packet p && tracker().isTargetPacket(p) && uploaded.containsKey(p.connection())) {
      late(p.connection(), "a segment of its own: " + p.segment(), p);
    } else if (event instanceof Event.Upcall u) {
      judgeUpcall(u);
    }
  }

  private void judgeUpcall(Event.Upcall u) {
    if (u.api() == Api.INDICATE_RECEIVE_NET_BUFFER_LISTS) {
      return;
    }
    if (u.connection() != null && uploaded.containsKey(u.connection())) {
      late(u.connection(), u.api().ndisName() + " for it", u);
      return;
    }
    for (NblView n : u.nbls()) {
      String owner = ownerOf(u.api(), n.id());
      if (owner != null && uploaded.containsKey(owner)) {
        late(owner, u.api().ndisName() + " of its list #" + n.id(), u);
      }
    }
  }

  private String ownerOf(Api api, long nblId) {
    switch (api) {
      case TCP_OFFLOAD_SEND_COMPLETE -> {
        TrackedSend s = tracker().send(nblId);
        return s == null ? null : s.connection;
      }
      case TCP_OFFLOAD_RECEIVE_COMPLETE -> {
        TrackedConnection c = tracker().receiveOwner(nblId);
        return c == null ? null : c.name;
      }
      case TCP_OFFLOAD_DISCONNECT_COMPLETE -> {
        Completion.Disconnect d = tracker().lastDisconnectCompletion();
        return d == null || d.connection() == null ? null : d.connection().name;
      }
      default -> {
        return null;
      }
    }
  }

  private void late(String connection, String what, Event where) {
    violation("nothing from the target on " + connection + " after its terminate completed (event #"
        + uploaded.get(connection).seq() + ")", what, where);
  }
}
