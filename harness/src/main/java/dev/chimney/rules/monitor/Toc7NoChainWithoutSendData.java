package dev.chimney.rules.monitor;

import dev.chimney.host.Event;

/**
 * TOC-7: with no outstanding send data, the terminated connection's NetBufferListChain is NULL.
 *
 * <p>Exercised by a TCP object terminated with SUCCESS while no send was outstanding; broken when
 * its chain is not NULL (an empty chain is not NULL either).
 *
 * <p>When it fails: the lists named were already completed (or never sent); handing them back makes
 * the host send their data twice.
 */
final class Toc7NoChainWithoutSendData extends MonitorBase {
  Toc7NoChainWithoutSendData(MonitorContext context) {
    super("TOC-7", context);
  }

  @Override
  public void onEvent(Event event) {
    for (Completion.TerminatedTcp t : TerminatedSuccessfully.in(event, tracker())) {
      if (!t.outstanding().isEmpty()) {
        continue;
      }
      exercise();
      if (t.block().chain() != null) {
        violation(t.connection().name + ": NetBufferListChain NULL with no outstanding send data",
            "chain " + TerminatedSuccessfully.ids(t.block().chain()), event);
      }
    }
  }
}
