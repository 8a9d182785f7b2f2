package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.NdisStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FWD-2: the target completes every forwarded NET_BUFFER_LIST exactly once with
 * NdisTcpOffloadForwardComplete.
 *
 * <p>Exercised by every MiniportTcpOffloadForward. Broken by a completion of a list that is not
 * pending (a second completion, or a list never forwarded) and by a forwarded list still pending
 * when the scenario ends. A forward the handler refused (FWD-1) owes no completion. That the target
 * does not touch a list after completing it cannot be seen from outside.
 *
 * <p>When it fails: lists dropped from the target's queue at an upload, or completed both when
 * processed and when the connection closed.
 */
final class Fwd2ForwardCompletedOnce extends MonitorBase {
  private final Map<Long, Event.Call> pending = new LinkedHashMap<>();

  Fwd2ForwardCompletedOnce(MonitorContext context) {
    super("FWD-2", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.TCP_OFFLOAD_FORWARD) {
      exercise();
      c.nbls().forEach(n -> pending.put(n.id(), c));
    } else if (event instanceof Event.Returned r && r.api() == Api.TCP_OFFLOAD_FORWARD
        && r.status() != NdisStatus.PENDING) {
      pending.values().removeIf(c -> c.seq() == r.callSeq());
    } else if (event instanceof Event.Upcall u && u.api() == Api.TCP_OFFLOAD_FORWARD_COMPLETE) {
      for (NblView n : u.nbls()) {
        if (pending.remove(n.id()) == null) {
          violation("each forwarded list completed exactly once",
              "a completion of list #" + n.id() + ", which is not pending", u);
        }
      }
    }
  }

  @Override
  public void finish() {
    pending.forEach((id, call) -> violation("NdisTcpOffloadForwardComplete for forwarded list #" + id,
        "never completed", call));
  }
}
