package dev.chimney.host;

import dev.chimney.spi.ForwardingOffloadHost;
import dev.chimney.spi.NdisStatus;
import dev.chimney.spi.OffloadHost;
import dev.chimney.spi.OffloadTarget;

/**
 * One target attached to a {@link HostStack}, and the {@link OffloadHost} that target was created
 * with: every upcall goes to the stack, status indications attributed to this target, so that
 * UPLOAD_ALL concerns only the connections offloaded to it (TRM-6, TRM-7).
 */
final class TargetSlot extends ForwardingOffloadHost {
  private final HostStack stack;
  /** The target created with this slot as its host; null until {@link HostStack#attach}. */
  OffloadTarget target;
  /** Set from the target's UPLOAD_ALL until its OFFLOAD_RESUME: no initiate to it meanwhile (TRM-7). */
  volatile boolean uploadAllPending;
  /** The seq of the last UPLOAD_ALL indication. */
  long uploadAllEvent;

  TargetSlot(HostStack stack) {
    super(stack);
    this.stack = stack;
  }

  @Override
  public void indicateStatus(NdisStatus statusCode) {
    stack.indicateStatus(this, statusCode);
  }
}
