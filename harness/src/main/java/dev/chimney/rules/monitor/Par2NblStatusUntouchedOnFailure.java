package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import java.util.HashMap;
import java.util.Map;

/**
 * PAR-2: when it fails an object, the target does not modify the Status of any NET_BUFFER_LIST in
 * that block list's NetBufferListChain.
 *
 * <p>Exercised by an initiate completion in which an object that came with send data was not
 * offloaded. Each list of its chain must carry, at the completion, the Status it had when the host
 * called MiniportInitiateOffload.
 *
 * <p>When it fails: the target completed (or marked) the send data of an object it refused; that
 * data still belongs to the host, which sends it itself.
 */
final class Par2NblStatusUntouchedOnFailure extends MonitorBase {
  Par2NblStatusUntouchedOnFailure(MonitorContext context) {
    super("PAR-2", context);
  }

  @Override
  public void onEvent(Event event) {
    TreeWalk walk = TreeWalk.of(event);
    if (walk == null) {
      return;
    }
    Event.Call call = tracker().lastInitiateCompletion().call();
    if (call == null) {
      return;
    }
    for (TreeWalk.Refused r : walk.refusedWithSendData(call)) {
      exercise();
      BlockView b = r.completed();
      BlockView before = r.given();
      Map<Long, NblView> now = new HashMap<>();
      if (b.chain() != null) {
        b.chain().forEach(n -> now.put(n.id(), n));
      }
      for (NblView was : before.chain()) {
        NblView is = now.get(was.id());
        if (is != null && is.status() != was.status()) {
          violation(b.name() + " failed: Status of its list #" + was.id() + " left " + was.status().ndisName(),
              is.status().ndisName(), walk.completion);
        }
      }
    }
  }
}
