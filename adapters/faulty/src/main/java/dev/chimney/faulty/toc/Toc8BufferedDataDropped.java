package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.OffloadBlockList;

/** {@code faulty:TOC-8}: drops the buffered receive data it should hand back on terminate. */
public final class Toc8BufferedDataDropped extends Fault {
  public Toc8BufferedDataDropped() {
    super("TOC-8", null, "drops acknowledged receive data not yet delivered instead of handing it back on terminate");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> node.tcpState().delegated().setBufferedData(null));
        super.terminateOffloadComplete(root);
      }
    };
  }
}
