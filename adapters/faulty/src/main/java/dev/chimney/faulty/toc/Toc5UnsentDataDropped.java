package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.wire.SeqNum;

/**
 * {@code faulty:TOC-5:partly-sent}: hands back only the send lists that reached the wire; those it
 * never began to send are lost (shows when the peer's window held some back).
 */
public final class Toc5UnsentDataDropped extends Fault {
  public Toc5UnsentDataDropped() {
    super("TOC-5", "partly-sent", "leaves the send lists it never began to send out of the chain it hands back");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          Long sent = c.sentEnd();
          node.setNetBufferListChain(chain(NetBufferList.toList(node.netBufferListChain()).stream()
              .filter(l -> sent != null && SeqNum.gt(sent, c.startOf(l)))
              .toList()));
        });
        super.terminateOffloadComplete(root);
      }
    };
  }
}
