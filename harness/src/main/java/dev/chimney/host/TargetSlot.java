package dev.chimney.host;

import dev.chimney.spi.NdisOffloadHandle;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.NetBufferList;
import dev.chimney.spi.OffloadBlockList;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadTarget;
import dev.chimney.spi.TcpOffloadEvent;
import dev.chimney.spi.TcpUploadReason;

/**
 * One target attached to a {@link HostStack}, and the {@link OffloadHost} that target was created
 * with: every upcall goes to the stack, status indications attributed to this target, so that
 * UPLOAD_ALL concerns only the connections offloaded to it (TRM-6, TRM-7).
 */
final class TargetSlot implements OffloadHost {
  private final HostStack stack;
  /** The target created with this slot as its host; null until {@link HostStack#attach}. */
  OffloadTarget target;
  /** Set from the target's UPLOAD_ALL until its OFFLOAD_RESUME: no initiate to it meanwhile (TRM-7). */
  volatile boolean uploadAllPending;
  /** The seq of the last UPLOAD_ALL indication. */
  long uploadAllEvent;

  TargetSlot(HostStack stack) {
    this.stack = stack;
  }

  @Override
  public void initiateOffloadComplete(OffloadBlockList root) {
    stack.initiateOffloadComplete(root);
  }

  @Override
  public void terminateOffloadComplete(OffloadBlockList root) {
    stack.terminateOffloadComplete(root);
  }

  @Override
  public void tcpOffloadSendComplete(NetBufferList chain) {
    stack.tcpOffloadSendComplete(chain);
  }

  @Override
  public void tcpOffloadReceiveComplete(NetBufferList chain) {
    stack.tcpOffloadReceiveComplete(chain);
  }

  @Override
  public int tcpOffloadReceiveIndicate(NdisOffloadHandle connection, NetBufferList nbl, NdisStatus status) {
    return stack.tcpOffloadReceiveIndicate(connection, nbl, status);
  }

  @Override
  public void tcpOffloadDisconnectComplete(NetBufferList nbl) {
    stack.tcpOffloadDisconnectComplete(nbl);
  }

  @Override
  public void tcpOffloadForwardComplete(NetBufferList chain) {
    stack.tcpOffloadForwardComplete(chain);
  }

  @Override
  public void tcpOffloadEvent(NdisOffloadHandle connection, TcpOffloadEvent event, TcpUploadReason reason) {
    stack.tcpOffloadEvent(connection, event, reason);
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    stack.indicateStatus(this, statusCode);
  }

  @Override
  public void indicateReceiveNetBufferLists(byte[] ipPacket) {
    stack.indicateReceiveNetBufferLists(ipPacket);
  }
}
