package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.OffloadBlockList;

/**
 * {@code faulty:TOC-7}: with no send data outstanding, hands back a non-NULL chain of one empty
 * list; {@code faulty:TOC-7:after-peer-fin}: only once the peer's FIN has arrived.
 */
public class Toc7EmptyChain extends Fault {
  private final boolean afterPeerFinOnly;

  public Toc7EmptyChain() {
    this(false);
  }

  Toc7EmptyChain(boolean afterPeerFinOnly) {
    super("TOC-7", afterPeerFinOnly ? "after-peer-fin" : null,
        "hands back a non-NULL but empty chain when no send data is outstanding"
            + (afterPeerFinOnly ? ", once the peer's FIN arrived" : ""));
    this.afterPeerFinOnly = afterPeerFinOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          if (node.netBufferListChain() == null && (!afterPeerFinOnly || c.peerFin())) {
            node.setNetBufferListChain(emptyList());
          }
        });
        super.terminateOffloadComplete(root);
      }
    };
  }

  /** {@code faulty:TOC-7:after-peer-fin}. */
  public static final class AfterPeerFin extends Toc7EmptyChain {
    public AfterPeerFin() {
      super(true);
    }
  }
}
