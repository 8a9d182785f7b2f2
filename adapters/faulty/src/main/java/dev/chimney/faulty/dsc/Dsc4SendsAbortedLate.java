package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code faulty:DSC-4}: completes an abortive disconnect before the sends it aborted;
 * {@code faulty:DSC-4:two-outstanding}: with two or more sends outstanding, aborts the first in time
 * and the others only after the disconnect completed.
 */
public class Dsc4SendsAbortedLate extends Fault {
  private final boolean allButFirst;

  public Dsc4SendsAbortedLate() {
    this(false);
  }

  Dsc4SendsAbortedLate(boolean allButFirst) {
    super("DSC-4", allButFirst ? "two-outstanding" : null, allButFirst
        ? "completes an abortive disconnect before all but the first of the sends it aborted"
        : "completes an abortive disconnect before the sends it aborted");
    this.allButFirst = allButFirst;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final List<NetBufferList> held = new ArrayList<>();

      @Override
      public void tcpOffloadSendComplete(NetBufferList chain) {
        List<NetBufferList> lists = new ArrayList<>(NetBufferList.toList(chain));
        boolean aborting = lists.stream().allMatch(l -> l.status() == NdisStatus.REQUEST_ABORTED)
            && connections.bySend(lists.get(0)).map(KnownConnection::pendingDisconnectFlags)
                .orElse(null) == DisconnectFlags.ABORTIVE_CLOSE;
        if (!aborting || allButFirst && lists.size() < 2) {
          super.tcpOffloadSendComplete(chain);
          return;
        }
        if (allButFirst) {
          super.tcpOffloadSendComplete(chain(lists.subList(0, 1)));
          lists.remove(0);
        }
        held.addAll(lists);
      }

      @Override
      public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
        super.tcpOffloadDisconnectComplete(nbl);
        if (!held.isEmpty()) {
          NetBufferList late = chain(held);
          held.clear();
          super.tcpOffloadSendComplete(late);
        }
      }
    };
  }

  /** {@code faulty:DSC-4:two-outstanding}. */
  public static final class TwoOutstanding extends Dsc4SendsAbortedLate {
    public TwoOutstanding() {
      super(true);
    }
  }
}
