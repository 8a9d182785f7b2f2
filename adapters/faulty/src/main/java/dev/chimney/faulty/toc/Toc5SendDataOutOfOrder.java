package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code faulty:TOC-5}: hands back two or more outstanding send lists in reverse delivery order. */
public final class Toc5SendDataOutOfOrder extends Fault {
  public Toc5SendDataOutOfOrder() {
    super("TOC-5", null, "hands back outstanding send data in reverse delivery order on terminate");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          List<NetBufferList> lists = new ArrayList<>(NetBufferList.toList(node.netBufferListChain()));
          Collections.reverse(lists);
          node.setNetBufferListChain(chain(lists));
        });
        super.terminateOffloadComplete(root);
      }
    };
  }
}
