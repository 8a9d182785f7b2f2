package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import java.util.List;

/**
 * TOC-5: with outstanding send data, the terminated connection's NetBufferListChain holds it,
 * chained in the order the sends were delivered, so no byte is lost or sent twice across the upload.
 *
 * <p>Exercised by a TCP object terminated with SUCCESS while sends were outstanding (delivered and
 * not completed). Decision: the chain must hold exactly the outstanding lists, in delivery order: a
 * list missing is data lost, a list already completed is data sent twice, another order scrambles
 * the stream. A partly acknowledged list goes back whole; the delegated SndUna says how much of it
 * the peer has.
 *
 * <p>When it fails: compare the chain with the sends the target had not completed; a list it
 * completed and also handed back, or one it dropped, shows there.
 */
final class Toc5SendDataHandedBackInOrder extends MonitorBase {
  Toc5SendDataHandedBackInOrder(MonitorContext context) {
    super("TOC-5", context);
  }

  @Override
  public void onEvent(Event event) {
    for (Completion.TerminatedTcp t : TerminatedSuccessfully.in(event, tracker())) {
      List<Long> expected = TerminatedSuccessfully.sendIds(t.outstanding());
      if (expected.isEmpty()) {
        continue;
      }
      exercise();
      List<Long> actual = TerminatedSuccessfully.ids(t.block().chain());
      if (!actual.equals(expected)) {
        violation(t.connection().name + ": NetBufferListChain holding the outstanding sends " + expected
            + " in delivery order", t.block().chain() == null ? "NULL" : "chain " + actual, event);
      }
    }
  }
}
