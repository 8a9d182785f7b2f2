package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.Event;
import dev.chimney.host.NblView;
import dev.chimney.spi.NdisStatus;
import java.util.List;

/** The TCP objects a terminate completion returned with SUCCESS: what TOC-5 to TOC-8 judge. */
final class TerminatedSuccessfully {
  private TerminatedSuccessfully() {}

  /** The TCP objects of {@code event} terminated with SUCCESS, or none when it is no terminate completion. */
  static List<Completion.TerminatedTcp> in(Event event, ConnectionTracker tracker) {
    if (!(event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE)) {
      return List.of();
    }
    Completion.Terminate done = tracker.lastTerminateCompletion();
    if (done.call() == null) {
      return List.of();
    }
    return done.tcps().stream().filter(t -> t.block().status() == NdisStatus.SUCCESS).toList();
  }

  /** The ids of a chain as logged; empty for a NULL chain. */
  static List<Long> ids(List<NblView> chain) {
    return chain == null ? List.of() : chain.stream().map(NblView::id).toList();
  }

  /** The ids of tracked sends. */
  static List<Long> sendIds(List<TrackedSend> sends) {
    return sends.stream().map(s -> s.nblId).toList();
  }
}
