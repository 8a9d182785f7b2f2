package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * TRM-6: a target asks for the termination of all its connections by indicating
 * NDIS_STATUS_UPLOAD_ALL; the host then terminates every connection offloaded to it.
 *
 * <p>Exercised when the harness asks the target for UPLOAD_ALL or the target indicates it. Target
 * half: once asked (the harness's "request UPLOAD_ALL" call), the target indicates UPLOAD_ALL before
 * the scenario ends. Host half: every connection offloaded (or being offloaded) when UPLOAD_ALL came
 * gets a MiniportTerminateOffload after it; one whose offload then failed is excused.
 *
 * <p>When it fails: "no UPLOAD_ALL indication" is the target's requestUploadAll(); a connection
 * never terminated is the harness's host driver.
 */
final class Trm6UploadAllTerminatesEverything extends MonitorBase {
  private Event.Call uploadAllRequest;
  private Event.Upcall uploadAll;
  private final Set<String> owedTerminate = new LinkedHashSet<>();

  Trm6UploadAllTerminatesEverything(MonitorContext context) {
    super("TRM-6", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Call c && c.api() == Api.REQUEST_UPLOAD_ALL) {
      exercise();
      uploadAllRequest = c;
    } else if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_STATUS
        && u.status() == NdisStatus.UPLOAD_ALL) {
      exercise();
      uploadAllRequest = null;
      uploadAll = u;
      for (TrackedConnection conn : tracker().connections()) {
        if (conn.phase == Phase.OFFLOADED || conn.phase == Phase.OFFLOADING) {
          owedTerminate.add(conn.name);
        }
      }
    } else if (event instanceof Event.Call c && c.api() == Api.TERMINATE_OFFLOAD) {
      c.tree().stream().filter(b -> b.type() == OffloadStateType.TCP).map(BlockView::name).forEach(owedTerminate::remove);
    }
  }

  @Override
  public void finish() {
    if (uploadAllRequest != null) {
      violation("NDIS_STATUS_UPLOAD_ALL indicated once the harness asked for it", "no UPLOAD_ALL indication",
          uploadAllRequest);
    }
    for (String name : owedTerminate) {
      if (tracker().connection(name).phase != Phase.HOST_OWNED) {
        violation("host: MiniportTerminateOffload for every connection offloaded when UPLOAD_ALL came",
            name + " never terminated", uploadAll);
      }
    }
  }
}
