package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TRM-7: after the termination that UPLOAD_ALL asked for completes, the target may indicate
 * NDIS_STATUS_OFFLOAD_RESUME; the host offloads nothing to it between UPLOAD_ALL and OFFLOAD_RESUME.
 *
 * <p>Exercised by an UPLOAD_ALL indication. Target half: OFFLOAD_RESUME comes only after an
 * UPLOAD_ALL, and only once every connection offloaded at the UPLOAD_ALL has had its terminate
 * completed. Host half: no MiniportInitiateOffload in between.
 *
 * <p>Decision: calls in the event log do not say which target they go to, and in a failover
 * (TRM-8) the host re-offloads the uploaded connections to another target before the first one
 * resumes. So an initiate in the window whose TCP objects are all connections uploaded since the
 * UPLOAD_ALL is taken for that failover and not judged here; any other initiate in the window is a
 * violation. (The host driver also refuses initiates to a target between its UPLOAD_ALL and
 * OFFLOAD_RESUME, per target.)
 *
 * <p>When it fails: an early OFFLOAD_RESUME is the target's; an initiate in the window is the
 * harness's host driver, which must wait for OFFLOAD_RESUME.
 */
final class Trm7NoOffloadUntilResume extends MonitorBase {
  private Event.Upcall uploadAll;
  private final Set<String> notYetTerminated = new LinkedHashSet<>();
  private final Set<String> uploadedSince = new LinkedHashSet<>();

  Trm7NoOffloadUntilResume(MonitorContext context) {
    super("TRM-7", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_STATUS && u.status() == NdisStatus.UPLOAD_ALL) {
      exercise();
      uploadAll = u;
      notYetTerminated.clear();
      uploadedSince.clear();
      for (TrackedConnection conn : tracker().connections()) {
        if (conn.phase == Phase.OFFLOADED || conn.phase == Phase.TERMINATING) {
          notYetTerminated.add(conn.name);
        }
      }
    } else if (event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE) {
      List<String> terminated = tcpNames(u.tree());
      notYetTerminated.removeAll(terminated);
      if (uploadAll != null) {
        uploadedSince.addAll(terminated);
      }
    } else if (event instanceof Event.Upcall u && u.api() == Api.INDICATE_STATUS
        && u.status() == NdisStatus.OFFLOAD_RESUME) {
      if (uploadAll == null) {
        violation("NDIS_STATUS_OFFLOAD_RESUME only after an UPLOAD_ALL", "OFFLOAD_RESUME without UPLOAD_ALL", u);
      } else if (!notYetTerminated.isEmpty()) {
        violation("NDIS_STATUS_OFFLOAD_RESUME once the termination asked for by UPLOAD_ALL (event #"
            + uploadAll.seq() + ") completed", "indicated while " + notYetTerminated + " not terminated", u);
      }
      uploadAll = null;
    } else if (event instanceof Event.Call c && c.api() == Api.INITIATE_OFFLOAD && uploadAll != null
        && !isFailover(c)) {
      violation("host: no MiniportInitiateOffload between UPLOAD_ALL (event #" + uploadAll.seq()
          + ") and OFFLOAD_RESUME", "an initiate of " + (c.tree().isEmpty() ? "an empty tree" : c.tree().get(0).name()), c);
    }
  }

  /** True when the initiate hands over only connections uploaded since the UPLOAD_ALL: a failover to another target. */
  private boolean isFailover(Event.Call initiate) {
    List<String> tcps = tcpNames(initiate.tree());
    return !tcps.isEmpty() && uploadedSince.containsAll(tcps);
  }

  private static List<String> tcpNames(List<BlockView> tree) {
    return tree.stream().filter(b -> b.type() == OffloadStateType.TCP).map(BlockView::name).toList();
  }
}
