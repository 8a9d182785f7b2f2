package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.wire.SeqNum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The NET_BUFFER_LISTs the host handed the target, by id: sends, with their place in the byte stream
 * and whether they are outstanding or completed, and posted receive lists with their connection.
 * Send and receive completions name no connection; the host keeps list ids unique within a run, so
 * the id finds the list and its connection here.
 *
 * <p>{@link ConnectionTracker} makes one at first use: most of check-trace's connections hand no
 * list over.
 */
final class TrackedLists {
  private Map<Long, TrackedSend> sends = Collections.emptyMap();
  private Map<Long, String> receiveOwners = Collections.emptyMap();

  /** The send with that id, or null when none was handed over. */
  TrackedSend send(long nblId) {
    return sends.get(nblId);
  }

  /** The name of the connection whose posted receive list has that id, or null. */
  String receiveOwner(long nblId) {
    return receiveOwners.get(nblId);
  }

  /**
   * The sends of {@code nbls} on {@code conn}, each given its place in the byte stream, in order. The
   * caller makes them outstanding when they are: a send's at once, an initiate chain's once the
   * offload succeeded ({@link #chainOffloaded}).
   */
  List<TrackedSend> place(TrackedConnection conn, List<NblView> nbls) {
    List<Long> chain = nbls.stream().map(NblView::id).toList();
    List<TrackedSend> out = new ArrayList<>();
    for (int i = 0; i < nbls.size(); i++) {
      NblView n = nbls.get(i);
      TrackedSend s = new TrackedSend(n.id(), conn.name, n.dataLength(), chain, i, conn.streamNext);
      if (SeqNum.known(conn.streamNext)) {
        conn.streamNext = SeqNum.add(conn.streamNext, n.dataLength());
      }
      sends = LazyCollections.put(sends, n.id(), s);
      out.add(s);
    }
    return out;
  }

  /** The host posted {@code nbls} to receive into on {@code connection}. */
  void posted(String connection, List<NblView> nbls) {
    for (NblView n : nbls) {
      receiveOwners = LazyCollections.put(receiveOwners, n.id(), connection);
    }
  }

  /** The target filled the posted receive lists {@code u} names: their bytes reach the host. */
  void receivesCompleted(Event.Upcall u, ConnectionTracker tracker) {
    for (NblView n : u.nbls()) {
      TrackedConnection owner = tracker.connection(receiveOwners.get(n.id()));
      if (owner != null) {
        owner.deliver(n.dataLength());
      }
    }
  }

  /** {@code conn}'s offload succeeded: the sends of its initiate chain not completed yet are outstanding. */
  void chainOffloaded(TrackedConnection conn) {
    for (NblView n : conn.initiateChain) {
      TrackedSend s = sends.get(n.id());
      if (s != null && s.completion == null) {
        conn.outstanding.add(s);
      }
    }
  }

  /** The send call of {@code nbls} returned other than PENDING: they will not complete, so are not outstanding. */
  void refused(List<NblView> nbls, ConnectionTracker tracker) {
    for (NblView n : nbls) {
      TrackedSend s = sends.get(n.id());
      if (s != null) {
        tracker.connection(s.connection).outstanding.remove(s);
      }
    }
  }

  /**
   * Completes the sends {@code u} names, each the first time it is named, and says of each what
   * judging the completion needs.
   */
  Completion.Sends completed(Event.Upcall u, ConnectionTracker tracker) {
    List<Completion.CompletedSend> out = new ArrayList<>();
    for (NblView n : u.nbls()) {
      TrackedSend s = sends.get(n.id());
      if (s == null) {
        out.add(new Completion.CompletedSend(n, null, false, null));
        continue;
      }
      TrackedConnection conn = tracker.connection(s.connection);
      TrackedSend head = conn.outstanding.peekFirst();
      boolean repeated = s.completion != null;
      if (!repeated) {
        s.completion = u;
        s.completionStatus = n.status();
        conn.outstanding.remove(s);
      }
      out.add(new Completion.CompletedSend(n, s, repeated, head));
    }
    return new Completion.Sends(List.copyOf(out));
  }
}
