package dev.chimney.faulty.dsc;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code faulty:DSC-10}: while a graceful disconnect is pending, holds back send completions and
 * completes the disconnect first; {@code faulty:DSC-10:two-outstanding}: only when two or more
 * sends were outstanding at the disconnect.
 */
public class Dsc10DisconnectCompletedBeforeSends extends Fault {
  private final boolean twoOrMoreOnly;

  public Dsc10DisconnectCompletedBeforeSends() {
    this(false);
  }

  Dsc10DisconnectCompletedBeforeSends(boolean twoOrMoreOnly) {
    super("DSC-10", twoOrMoreOnly ? "two-outstanding" : null,
        "completes a graceful disconnect before the sends outstanding at it"
            + (twoOrMoreOnly ? ", when two or more were" : ""));
    this.twoOrMoreOnly = twoOrMoreOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Set<KnownConnection> holding = new HashSet<>();
      private final List<NetBufferList> held = new ArrayList<>();

      @Override
      public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
        connections.byContext(context)
            .filter(c -> flags == DisconnectFlags.GRACEFUL_CLOSE && c.outstanding().size() >= (twoOrMoreOnly ? 2 : 1))
            .ifPresent(holding::add);
        return super.tcpOffloadDisconnect(context, nbl, flags);
      }

      @Override
      public void tcpOffloadSendComplete(NetBufferList chain) {
        List<NetBufferList> lists = NetBufferList.toList(chain);
        boolean hold = connections.bySend(lists.get(0)).map(holding::contains).orElse(false)
            && lists.stream().allMatch(l -> l.status() == NdisStatus.SUCCESS);
        if (hold) {
          held.addAll(lists);
        } else {
          super.tcpOffloadSendComplete(chain);
        }
      }

      @Override
      public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
        connections.byDisconnect(nbl).ifPresent(holding::remove);
        super.tcpOffloadDisconnectComplete(nbl);
        if (!held.isEmpty()) {
          NetBufferList late = chain(held);
          held.clear();
          super.tcpOffloadSendComplete(late);
        }
      }
    };
  }

  /** {@code faulty:DSC-10:two-outstanding}. */
  public static final class TwoOutstanding extends Dsc10DisconnectCompletedBeforeSends {
    public TwoOutstanding() {
      super(true);
    }
  }
}
