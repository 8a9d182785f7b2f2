package dev.chimney.faulty.toc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.TcpDelegatedState;

/**
 * {@code faulty:TOC-3}: hands back SndMax one past the highest sequence number sent;
 * {@code faulty:TOC-3:second-connection}: only for the second connection the adapter took.
 */
public class Toc3SndMaxOneOff extends Fault {
  private final boolean secondOnly;

  public Toc3SndMaxOneOff() {
    this(false);
  }

  Toc3SndMaxOneOff(boolean secondOnly) {
    super("TOC-3", secondOnly ? "second-connection" : null,
        "hands back SndMax one too high" + (secondOnly ? " for its second connection" : ""));
    this.secondOnly = secondOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        connections.forEachTcp(root, (node, c) -> {
          TcpDelegatedState d = node.tcpState().delegated();
          if ((!secondOnly || c.index == 1) && d.sndMax().isPresent()) {
            d.set(TcpDelegatedState.Field.SND_MAX, d.sndMax().getAsLong() + 1);
          }
        });
        super.terminateOffloadComplete(root);
      }
    };
  }

  /** {@code faulty:TOC-3:second-connection}. */
  public static final class SecondConnection extends Toc3SndMaxOneOff {
    public SecondConnection() {
      super(true);
    }
  }
}
