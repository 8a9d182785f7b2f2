package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * DSC-13: after either kind of disconnect the target keeps the connection's resources until the
 * host terminates the offload, and that termination still returns the connection's state.
 *
 * <p>Exercised by the terminate of a connection on which a disconnect was requested in that
 * offload. Broken unless the connection's block list comes back with SUCCESS and a delegated state
 * with SndUna, SndNxt, SndMax and RcvNxt set and a connection state: a target that freed the
 * connection at the disconnect has nothing to return.
 *
 * <p>When it fails: the target releases the connection when its disconnect completes (or when the
 * FIN exchange ends); it must hold it until MiniportTerminateOffload.
 */
final class Dsc13StateKeptUntilTerminate extends MonitorBase {
  private static final List<Field> RETURNED = List.of(Field.SND_UNA, Field.SND_NXT, Field.SND_MAX, Field.RCV_NXT);

  Dsc13StateKeptUntilTerminate(MonitorContext context) {
    super("DSC-13", context);
  }

  @Override
  public void onEvent(Event event) {
    Completion.Terminate terminated = tracker().lastTerminateCompletion();
    if (terminated == null || terminated.call() == null) {
      return;
    }
    for (Completion.TerminatedTcp t : terminated.tcps()) {
      TrackedConnection conn = t.connection();
      Event.Call disconnect = conn.abortiveCall != null ? conn.abortiveCall : conn.gracefulCall;
      if (disconnect == null) {
        continue;
      }
      exercise();
      String expected = conn.name + ": after the disconnect (event #" + disconnect.seq()
          + ") the terminate returns its state: SUCCESS, " + RETURNED + " and the connection state set";
      TcpDelegatedState d = t.block().delegated();
      if (t.block().status() != NdisStatus.SUCCESS) {
        violation(expected, t.block().status().ndisName(), terminated.upcall());
      } else if (d == null) {
        violation(expected, "no delegated state", terminated.upcall());
      } else {
        List<Field> unset = new ArrayList<>();
        RETURNED.stream().filter(f -> d.get(f).isEmpty()).forEach(unset::add);
        if (!unset.isEmpty() || d.state() == null) {
          violation(expected, (unset.isEmpty() ? "" : unset + " unset ") + (d.state() == null ? "connection state unset" : ""),
              terminated.upcall());
        }
      }
    }
  }
}
