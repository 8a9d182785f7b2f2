package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.TcpDelegatedState;
import dev.chimney.spi.TcpDelegatedState.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * TOC-6: when a terminate hands send data back, SndUna, SndNxt and SndMax are set in the delegated
 * TCP state.
 *
 * <p>Exercised by a TCP object terminated with SUCCESS and a non-NULL NetBufferListChain; broken
 * when any of the three is unset (unset is not zero: see TcpDelegatedState).
 *
 * <p>When it fails: the host cannot place the returned data in the stream without them; the target
 * must write all three whenever it returns a chain.
 */
final class Toc6SendVariablesSetWithData extends MonitorBase {
  private static final List<Field> SEND_VARIABLES = List.of(Field.SND_UNA, Field.SND_NXT, Field.SND_MAX);

  Toc6SendVariablesSetWithData(MonitorContext context) {
    super("TOC-6", context);
  }

  @Override
  public void onEvent(Event event) {
    for (Completion.TerminatedTcp t : TerminatedSuccessfully.in(event, tracker())) {
      if (t.block().chain() == null || t.block().chain().isEmpty()) {
        continue;
      }
      exercise();
      TcpDelegatedState d = t.block().delegated();
      List<Field> unset = new ArrayList<>();
      for (Field f : SEND_VARIABLES) {
        if (d == null || d.get(f).isEmpty()) {
          unset.add(f);
        }
      }
      if (!unset.isEmpty()) {
        violation(t.connection().name + ": SND_UNA, SND_NXT and SND_MAX set with send data handed back",
            unset + " unset", event);
      }
    }
  }
}
