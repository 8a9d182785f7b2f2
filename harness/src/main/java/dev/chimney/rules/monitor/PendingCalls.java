package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The host's calls the target still owes something, and which call a return or completion answers:
 * a return names its call by seq, an initiate or terminate completion by its tree's root, a
 * disconnect completion by list id. {@link ConnectionTracker} asks here, then changes its
 * connections accordingly.
 *
 * <p>A send, disconnect, initiate or terminate is owed its return, which changes the tracker's state
 * unless it is PENDING; an initiate, terminate or disconnect is owed its completion as well, until
 * such a return (a handler that returns other than PENDING does not complete the request:
 * OffloadTarget's contract). Of a call owed its return only what the return needs is kept ({@link
 * OpenCall}): check-trace logs no returns, so what is kept stays for the connection's life.
 */
final class PendingCalls {
  /**
   * The latest call whose return is owed, and its seq: a handler returns before the host calls the
   * next, so this holds nearly every open call without a map.
   */
  private OpenCall lastOpenCall;
  private long lastOpenCallSeq;
  /** The other calls whose return is still owed, by seq. */
  private Map<Long, OpenCall> olderOpenCalls = Collections.emptyMap();
  /** Initiates and terminates owed their completion, by root name; disconnects, by list id. */
  private Map<String, Event.Call> initiates = Collections.emptyMap();
  private Map<String, Event.Call> terminates = Collections.emptyMap();
  private Map<Long, Event.Call> disconnects = Collections.emptyMap();

  /**
   * What the tracker needs of a call on its return: not the call itself, whose tree (with its
   * delegated state) would otherwise stay for the connection's life when no return comes, as in
   * check-trace.
   *
   * @param nbls the lists of a send or disconnect
   * @param root the name of an initiate's or terminate's root, or null
   * @param tcps the names of an initiate's or terminate's TCP objects, in tree order
   */
  record OpenCall(Api api, List<NblView> nbls, String root, List<String> tcps) {
    /** What to keep of {@code c} until it returns, or null when its return changes nothing. */
    static OpenCall of(Event.Call c) {
      return switch (c.api()) {
        case TCP_OFFLOAD_SEND, TCP_OFFLOAD_DISCONNECT -> new OpenCall(c.api(), c.nbls(), null, List.of());
        case INITIATE_OFFLOAD, TERMINATE_OFFLOAD -> new OpenCall(c.api(), List.of(),
            c.tree().isEmpty() ? null : c.tree().get(0).name(), tcpNames(c.tree()));
        default -> null;
      };
    }

    private static List<String> tcpNames(List<BlockView> tree) {
      List<String> names = new ArrayList<>();
      for (BlockView b : tree) {
        if (b.type() == OffloadStateType.TCP) {
          names.add(b.name());
        }
      }
      return List.copyOf(names);
    }
  }

  /** Records what the target owes for {@code c}: its return, and the completion of a request. */
  void called(Event.Call c) {
    rememberOpenCall(c);
    switch (c.api()) {
      case INITIATE_OFFLOAD -> {
        if (!c.tree().isEmpty()) {
          initiates = LazyCollections.put(initiates, c.tree().get(0).name(), c);
        }
      }
      case TERMINATE_OFFLOAD -> {
        if (!c.tree().isEmpty()) {
          terminates = LazyCollections.put(terminates, c.tree().get(0).name(), c);
        }
      }
      case TCP_OFFLOAD_DISCONNECT -> {
        for (NblView n : c.nbls()) {
          disconnects = LazyCollections.put(disconnects, n.id(), c);
        }
      }
      default -> { }
    }
  }

  private void rememberOpenCall(Event.Call c) {
    OpenCall open = OpenCall.of(c);
    if (open == null) {
      return;
    }
    if (lastOpenCall != null) {
      olderOpenCalls = LazyCollections.put(olderOpenCalls, lastOpenCallSeq, lastOpenCall);
    }
    lastOpenCall = open;
    lastOpenCallSeq = c.seq();
  }

  /**
   * The call that {@code r} settles, no longer owed anything; null when the return is PENDING (the
   * completion settles the request) or changes nothing.
   */
  OpenCall settledBy(Event.Returned r) {
    OpenCall c = takeOpenCall(r.callSeq());
    if (c == null || r.status() == NdisStatus.PENDING) {
      return null;
    }
    switch (c.api()) {
      case TCP_OFFLOAD_DISCONNECT -> {
        for (NblView n : c.nbls()) {
          disconnectCompleted(n.id());
        }
      }
      case INITIATE_OFFLOAD -> {
        if (c.root() != null) {
          initiateCompleted(c.root());
        }
      }
      case TERMINATE_OFFLOAD -> {
        if (c.root() != null) {
          terminateCompleted(c.root());
        }
      }
      default -> { }
    }
    return c;
  }

  /** The open call with that seq, forgotten now, or null when none. */
  private OpenCall takeOpenCall(long seq) {
    if (lastOpenCall != null && lastOpenCallSeq == seq) {
      OpenCall open = lastOpenCall;
      lastOpenCall = null;
      return open;
    }
    return olderOpenCalls.remove(seq);
  }

  /** The pending initiate with that root, no longer pending, or null when none. */
  Event.Call initiateCompleted(String root) {
    Event.Call call = initiates.remove(root);
    if (initiates.isEmpty()) {
      // Never iterated, so a new map later is the same: check-trace's trackers drop one each.
      initiates = Collections.emptyMap();
    }
    return call;
  }

  /** The pending terminate with that root, no longer pending, or null when none. */
  Event.Call terminateCompleted(String root) {
    return terminates.remove(root);
  }

  /** The pending disconnect of that list, no longer pending, or null when none. */
  Event.Call disconnectCompleted(long nblId) {
    return disconnects.remove(nblId);
  }

  /** Terminates the host called and the target has not completed, by root name. */
  Map<String, Event.Call> terminates() {
    return terminates;
  }

  /** Disconnects the host called and the target has not completed, by list id. */
  Map<Long, Event.Call> disconnects() {
    return disconnects;
  }
}
