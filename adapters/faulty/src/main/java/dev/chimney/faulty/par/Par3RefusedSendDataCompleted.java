package dev.chimney.faulty.par;

import dev.chimney.faulty.Fault;
import dev.chimney.faulty.Interposer;
import dev.chimney.faulty.StatusTree;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code faulty:PAR-3}: right after completing the initiate, completes the send data of an object
 * it failed with NDIS_STATUS_REQUEST_ABORTED (after the completion, so the Status the initiate
 * completion shows is untouched: PAR-2 holds).
 */
public final class Par3RefusedSendDataCompleted extends Fault {
  public Par3RefusedSendDataCompleted() {
    super("PAR-3", null, "completes the send data of a TCP object whose offload failed with NdisTcpOffloadSendComplete");
  }

  @Override
  protected Interposer interposer() {
    return new Interposer() {
      @Override
      public void initiateOffloadComplete(OffloadBlockList root) {
        List<NetBufferList> refused = new ArrayList<>();
        for (OffloadBlockList node : root.walk()) {
          if (!StatusTree.offloaded(node)) {
            refused.addAll(NetBufferList.toList(node.netBufferListChain()));
          }
        }
        super.initiateOffloadComplete(root);
        if (!refused.isEmpty()) {
          refused.forEach(l -> l.setStatus(NdisStatus.REQUEST_ABORTED));
          super.tcpOffloadSendComplete(chain(refused));
        }
      }
    };
  }
}
