package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import java.util.HashMap;
import java.util.Map;

/**
 * PAR-3: when it fails an object, the target does not call NdisTcpOffloadSendComplete for that
 * object's send data.
 *
 * <p>Exercised by an initiate completion in which an object that came with send data was not
 * offloaded. Broken by a send completion of one of those lists, before the initiate completed or
 * after, until the host hands the list over again in another initiate.
 *
 * <p>When it fails: the target completed send data it never owned; the host would think data sent
 * that it still has to send.
 */
final class Par3NoSendCompleteOnFailure extends MonitorBase {
  private final Map<Long, String> refused = new HashMap<>();

  Par3NoSendCompleteOnFailure(MonitorContext context) {
    super("PAR-3", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD) {
      c.tree().stream().filter(b -> b.chain() != null).flatMap(b -> b.chain().stream())
          .forEach(n -> refused.remove(n.id()));
      return;
    }
    if (event instanceof Event.Upcall u && u.api() == Api.TCP_OFFLOAD_SEND_COMPLETE) {
      for (NblView n : u.nbls()) {
        String owner = refused.get(n.id());
        if (owner != null) {
          violation("no NdisTcpOffloadSendComplete for the send data of " + owner + ", whose offload failed",
              "list #" + n.id() + " completed with " + n.status().ndisName(), u);
        }
      }
      return;
    }
    TreeWalk walk = TreeWalk.of(event);
    Event.Call call = walk == null ? null : tracker().lastInitiateCompletion().call();
    if (call == null) {
      return;
    }
    for (TreeWalk.Refused r : walk.refusedWithSendData(call)) {
      exercise();
      String name = r.completed().name();
      for (NblView n : r.given().chain()) {
        refused.put(n.id(), name);
        TrackedSend s = tracker().send(n.id());
        if (s != null && s.completion != null && s.completion.seq() > call.seq()) {
          violation("no NdisTcpOffloadSendComplete for the send data of " + name + ", whose offload failed",
              "list #" + n.id() + " completed at event #" + s.completion.seq(), walk.completion);
        }
      }
    }
  }
}
