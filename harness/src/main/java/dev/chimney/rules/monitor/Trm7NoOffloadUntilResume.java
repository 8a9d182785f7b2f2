package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * TRM-7: after the termination that UPLOAD_ALL asked for completes, the target may indicate
 * NDIS_STATUS_OFFLOAD_RESUME; the host offloads nothing to it between UPLOAD_ALL and OFFLOAD_RESUME.
 *
 * <p>Exercised by an UPLOAD_ALL indication. Target half: OFFLOAD_RESUME comes only after an
 * UPLOAD_ALL, and only once every connection offloaded at the UPLOAD_ALL has had its terminate
 * completed. Host half: no MiniportInitiateOffload in between.
 *
 * <p>Decision: the event log is one target's (the Call records carry no target identity), so any
 * initiate in the window counts as an offload to that target. A failover scenario with a second
 * target must record that target's calls in its own event log.
 *
 * <p>When it fails: an early OFFLOAD_RESUME is the target's; an initiate in the window is the
 * harness's host driver, which must wait for OFFLOAD_RESUME.
 */
final class Trm7NoOffloadUntilResume extends MonitorBase {
  private Event.Upcall uploadAll;
  private final Set<String> notYetTerminated = new LinkedHashSet<>();

  Trm7NoOffloadUntilResume(MonitorContext context) {
    super("TRM-7", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_STATUS && u.status() == NdisStatus.UPLOAD_ALL) {
      exercise();
      uploadAll = u;
      notYetTerminated.clear();
      for (TrackedConnection conn : tracker().connections()) {
        if (conn.phase == Phase.OFFLOADED || conn.phase == Phase.TERMINATING) {
          notYetTerminated.add(conn.name);
        }
      }
    } else if (event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE) {
      u.tree().stream().filter(b -> b.type() == OffloadStateType.TCP).map(BlockView::name).forEach(notYetTerminated::remove);
    } else if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_STATUS
        && u.status() == NdisStatus.OFFLOAD_RESUME) {
      if (uploadAll == null) {
        violation("NDIS_STATUS_OFFLOAD_RESUME only after an UPLOAD_ALL", "OFFLOAD_RESUME without UPLOAD_ALL", u);
      } else if (!notYetTerminated.isEmpty()) {
        violation("NDIS_STATUS_OFFLOAD_RESUME once the termination asked for by UPLOAD_ALL (event #"
            + uploadAll.seq() + ") completed", "indicated while " + notYetTerminated + " not terminated", u);
      }
      uploadAll = null;
    } else if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD && uploadAll != null) {
      violation("host: no MiniportInitiateOffload between UPLOAD_ALL (event #" + uploadAll.seq()
          + ") and OFFLOAD_RESUME", "an initiate of " + (c.tree().isEmpty() ? "an empty tree" : c.tree().get(0).name()), c);
    }
  }
}
