package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.OffloadBlockList;

/**
 * {@code faulty:DSC-13}: forgets a connection's TCP state once a disconnect was requested, so the
 * terminate hands back no connection state.
 */
public final class Dsc13StateReleasedAtDisconnect extends Fault {
  public Dsc13StateReleasedAtDisconnect() {
    super("DSC-13", null, "releases the connection's TCP state at a disconnect: the terminate returns no connection state");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          if (c.disconnectRequested()) {
            node.tcpState().delegated().setState(null);
          }
        });
        super.terminateOffloadComplete(root);
      }
    };
  }
}
