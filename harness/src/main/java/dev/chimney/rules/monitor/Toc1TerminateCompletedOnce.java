package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import java.util.List;

/**
 * TOC-1: the target completes a terminate with NdisMTerminateOffloadComplete, passing the same
 * block list it was given, exactly once.
 *
 * <p>Exercised by every terminate completion. Broken by a completion whose root matches no pending
 * terminate (a second completion, or a list the host never passed), by a completion whose tree is
 * not the one handed over (other objects, or another order), and by a terminate still pending when
 * the scenario ends. A handler that refused the terminate outright owes no completion (TRM-5 judges
 * the refusal).
 *
 * <p>When it fails: look for two completion paths in the target (handler and a timer), or a
 * completion built from a copy of the tree.
 */
final class Toc1TerminateCompletedOnce extends MonitorBase {
  Toc1TerminateCompletedOnce(MonitorContext context) {
    super("TOC-1", context);
  }

  @Override
  public void onEvent(Event event) {
    if (!(event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE)) {
      return;
    }
    exercise();
    Completion.Terminate done = tracker().lastTerminateCompletion();
    String root = u.tree().isEmpty() ? "(empty tree)" : u.tree().get(0).name();
    if (done.call() == null) {
      violation("NdisMTerminateOffloadComplete once per MiniportTerminateOffload",
          "a completion for " + root + ", which has no terminate pending (completed twice?)", u);
      return;
    }
    List<String> given = names(done.call().tree());
    List<String> returned = names(u.tree());
    if (!given.equals(returned)) {
      violation("the block list it was given (" + given + ")", "a tree of " + returned, u);
    }
  }

  private static List<String> names(List<BlockView> tree) {
    return tree.stream().map(BlockView::name).toList();
  }

  @Override
  public void finish() {
    tracker().pendingTerminates().forEach((root, call) -> violation(
        "NdisMTerminateOffloadComplete for the terminate of " + root, "never completed", call));
  }
}
