package dev.chimney.rules.monitor;

import dev.chimney.host.Api;
import dev.chimney.host.BlockView;
import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadStateType;

/**
 * TOC-4: NDIS_STATUS_FAILURE on a terminate is for a catastrophic loss of the state object only.
 *
 * <p>Exercised by every terminate completion with a TCP object: the target chose its status.
 * Decision: no chimney scenario causes a catastrophic loss (the harness never breaks the target's
 * hardware), so a TCP object terminated with FAILURE is a connection whose live state the target
 * threw away, and a violation. A target simulating a hardware loss should say so in a scenario of
 * its own, listed as a known exception.
 *
 * <p>When it fails: the target reports FAILURE for an ordinary upload (for example while a
 * disconnect or sends are pending); it must return the state with SUCCESS.
 */
final class Toc4FailureOnlyOnLoss extends MonitorBase {
  Toc4FailureOnlyOnLoss(MonitorContext context) {
    super("TOC-4", context);
  }

  @Override
  public void onEvent(Event event) {
    if (event instanceof Event.Upcall u && u.api() == Api.TERMINATE_OFFLOAD_COMPLETE) {
      for (BlockView b : u.tree()) {
        if (b.type() != OffloadStateType.TCP) {
          continue;
        }
        exercise();
        if (b.status() == NdisStatus.FAILURE) {
          violation(b.name() + ": NDIS_STATUS_FAILURE only after a catastrophic loss of the state object, which no scenario causes",
              "NDIS_STATUS_FAILURE", u);
        }
      }
    }
  }
}
