package dev.chimney.faulty.snd;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.KnownConnection;
import dev.chimney.spi.DisconnectFlags;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadStateType;
import dev.chimney.wire.SeqNum;
import dev.chimney.wire.TcpSegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code faulty:SND-2}: completes a send with SUCCESS as soon as its last byte is on the wire, not
 * once the peer acknowledged it; {@code faulty:SND-2:retransmission}: only when it retransmits (it
 * takes the retransmission for the end of the send). The NIC's own later completion of such a list
 * is dropped, and so is the list from a terminate's chain: the host already has it back.
 */
public class Snd2SuccessBeforeAck extends Fault {
  private final boolean onRetransmissionOnly;

  public Snd2SuccessBeforeAck() {
    this(false);
  }

  Snd2SuccessBeforeAck(boolean onRetransmissionOnly) {
    super("SND-2", onRetransmissionOnly ? "retransmission" : null, onRetransmissionOnly
        ? "completes every wholly sent send with SUCCESS when it retransmits, before the peer acknowledged it"
        : "completes a send with SUCCESS once it is on the wire, before the peer acknowledged it");
    this.onRetransmissionOnly = onRetransmissionOnly;
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      private final Set<NetBufferList> early = new HashSet<>();
      private final List<NetBufferList> due = new ArrayList<>();

      @Override
      public void transmit(byte[] ipPacket) {
        TcpSegment s = decode(ipPacket).orElse(null);
        KnownConnection c = s == null ? null : connections.bySegment(s).orElse(null);
        Long sentBefore = c == null ? null : c.sentEnd();
        super.transmit(ipPacket);
        boolean retransmission = sentBefore != null && s.payloadLength() > 0 && SeqNum.gt(sentBefore, s.seq());
        if (c == null || s.payloadLength() == 0 || onRetransmissionOnly && !retransmission) {
          return;
        }
        List<NetBufferList> sent = new ArrayList<>();
        for (NetBufferList l : c.outstanding()) {
          if (!early.contains(l) && !SeqNum.gt(c.endOf(l), c.sentEnd())) {
            sent.add(l);
          }
        }
        if (!sent.isEmpty()) {
          early.addAll(sent);
          due.addAll(sent);
          later(this::completeDue);
        }
      }

      /** Completes the lists found sent, once: from the clock, or before the host's next request. */
      private void completeDue() {
        if (!due.isEmpty()) {
          List<NetBufferList> now = new ArrayList<>(due);
          due.clear();
          now.forEach(l -> l.setStatus(NdisStatus.SUCCESS));
          super.tcpOffloadSendComplete(chain(now));
        }
      }

      @Override
      public NdisStatus tcpOffloadDisconnect(Object context, NetBufferList nbl, DisconnectFlags flags) {
        completeDue();
        return super.tcpOffloadDisconnect(context, nbl, flags);
      }

      @Override
      public NdisStatus terminateOffload(OffloadBlockList root) {
        completeDue();
        return super.terminateOffload(root);
      }

      @Override
      public void tcpOffloadSendComplete(NetBufferList chain) {
        List<NetBufferList> rest = NetBufferList.toList(chain).stream().filter(l -> !early.contains(l)).toList();
        if (!rest.isEmpty()) {
          super.tcpOffloadSendComplete(chain(rest));
        }
      }

      @Override
      public void terminateOffloadComplete(OffloadBlockList root) {
        for (OffloadBlockList node : root.walk()) {
          if (node.stateType() == OffloadStateType.TCP) {
            node.setNetBufferListChain(chain(NetBufferList.toList(node.netBufferListChain()).stream()
                .filter(l -> !early.contains(l)).toList()));
          }
        }
        super.terminateOffloadComplete(root);
      }
    };
  }

  /** {@code faulty:SND-2:retransmission}. */
  public static final class Retransmission extends Snd2SuccessBeforeAck {
    public Retransmission() {
      super(true);
    }
  }
}
