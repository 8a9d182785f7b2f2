package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.TcpDelegatedState;

/** {@code faulty:TOC-6}: hands back send data with SndNxt unset. */
public final class Toc6SndNxtUnset extends Fault {
  public Toc6SndNxtUnset() {
    super("TOC-6", null, "leaves SndNxt unset when it hands send data back on terminate");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          if (node.netBufferListChain() != null) {
            node.tcpState().delegated().clear(TcpDelegatedState.Field.SND_NXT);
          }
        });
        super.terminateOffloadComplete(root);
      }
    };
  }
}
