package dev.chimney.rules.monitor;

import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import java.util.List;

/**
 * A completion from the target as the tracker matched it, for the monitors judging its event. A
 * completion removes what it completes from the tracker (the pending call, the outstanding sends),
 * so what judging it takes is kept here first: the call it answers, and each list or TCP object it
 * names with what was outstanding at that moment.
 *
 * <p>{@link ConnectionTracker} keeps the completion of the event being judged and drops it at the
 * next event: one event completes one kind of request, so one field holds all four kinds.
 */
sealed interface Completion {
  /** A send completion, one entry per list it names. */
  record Sends(List<CompletedSend> lists) implements Completion {}

  /** One list of a send completion. */
  record CompletedSend(NblView nbl, TrackedSend send, boolean repeated, TrackedSend expectedNext) {
    /** True when it was the oldest outstanding send of its connection. */
    boolean inOrder() {
      return expectedNext == send;
    }
  }

  /**
   * A terminate completion.
   *
   * @param call the pending terminate with the same root, or null when none was pending (a second
   *     completion, or a root the host never passed)
   */
  record Terminate(Event.Upcall upcall, Event.Call call, List<TerminatedTcp> tcps) implements Completion {}

  /** One TCP object of a terminate completion, with what was outstanding at that moment. */
  record TerminatedTcp(TrackedConnection connection, BlockView block, List<TrackedSend> outstanding) {}

  /** An initiate completion and its pending call (null when none had that root). */
  record Initiate(Event.Upcall upcall, Event.Call call) implements Completion {}

  /**
   * A disconnect completion and one of its lists: the last, when it names several.
   *
   * @param call the disconnect pending for that list, or null when none was
   * @param connection the connection of that disconnect, else the one the completion names; null when
   *     unknown
   */
  record Disconnect(Event.Upcall upcall, NblView nbl, Event.Call call, TrackedConnection connection)
      implements Completion {}
}
