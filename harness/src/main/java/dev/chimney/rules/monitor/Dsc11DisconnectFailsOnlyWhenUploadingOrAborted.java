package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;

/**
 * DSC-11: the target fails a disconnect only while the connection is being uploaded or aborted.
 *
 * <p>Exercised by every disconnect completion: each is the target's choice to succeed or fail.
 * Broken by a completion whose Status is not SUCCESS unless, by then, the host had called
 * MiniportTerminateOffload for the connection, or the connection was being aborted: the peer sent
 * an RST, the target indicated TcpIndicateAbort, or the host asked for another, abortive,
 * disconnect.
 *
 * <p>When it fails: the target fails disconnects it finds inconvenient (sends pending, FIN already
 * received); the host never reissues a failed disconnect (DSC-12), so the close is lost.
 */
final class Dsc11DisconnectFailsOnlyWhenUploadingOrAborted extends MonitorBase {
  Dsc11DisconnectFailsOnlyWhenUploadingOrAborted(MonitorContext context) {
    super("DSC-11", context);
  }

  @Override
  public void onEvent(Event event) {
    Completion.Disconnect done = tracker().lastDisconnectCompletion();
    if (done == null || done.call() == null || done.connection() == null) {
      return;
    }
    exercise();
    if (done.nbl().status() == NdisStatus.SUCCESS) {
      return;
    }
    TrackedConnection conn = done.connection();
    boolean uploading = conn.phase == Phase.TERMINATING || conn.phase == Phase.UPLOADED;
    boolean aborting = conn.peerReset || conn.abortIndication != null
        || (conn.abortiveCall != null && conn.abortiveCall != done.call());
    if (!uploading && !aborting) {
      violation(conn.name + ": a disconnect failed only while the connection is being uploaded or aborted",
          done.nbl().status().ndisName() + " on a connection that was " + conn.phase, done.upcall());
    }
  }
}
