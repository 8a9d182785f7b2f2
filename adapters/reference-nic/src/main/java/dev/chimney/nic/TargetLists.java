package dev.chimney.nic;

import dev.chimney.spi.NetBuffer;
import dev.chimney.spi.NetBufferList;

/**
 * Creates the lists the target hands up on its own (receive indications, buffered data, the copy
 * of a disconnect's data): one per adapter, so their ids are distinct within a run and the same
 * from run to run.
 */
final class TargetLists {
  private long created;

  /** A stand-alone list holding a copy of {@code data}. */
  NetBufferList of(byte[] data) {
    return NetBufferList.createdByTarget(created++, NetBuffer.ofData(data));
  }
}
