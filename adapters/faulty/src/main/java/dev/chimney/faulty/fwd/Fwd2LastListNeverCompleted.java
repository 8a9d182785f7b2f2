package dev.chimney.faulty.fwd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.spi.NetBufferList;
import java.util.List;

/** {@code faulty:FWD-2:multi-list}: of a forward of two or more lists, never completes the last. */
public final class Fwd2LastListNeverCompleted extends Fault {
  public Fwd2LastListNeverCompleted() {
    super("FWD-2", "multi-list", "never completes the last list of a forward of two or more");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void tcpOffloadForwardComplete(NetBufferList chain) {
        List<NetBufferList> lists = NetBufferList.toList(chain);
        super.tcpOffloadForwardComplete(lists.size() < 2 ? chain : chain(lists.subList(0, lists.size() - 1)));
      }
    };
  }
}
