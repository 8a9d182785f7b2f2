package dev.chimney.rules.monitor;

import dev.chimney.host.Event;
import dev.chimney.spi.NdisStatus;
import dev.chimney.wire.SeqNum;
import java.util.List;

/**
 * One send NET_BUFFER_LIST handed to the target (by MiniportTcpOffloadSend, or in the chain of an
 * initiate) and what became of it.
 */
final class TrackedSend {
  final long nblId;
  final String connection;
  final int length;
  /** The ids of the chain it came in, in chain order. */
  final List<Long> chain;
  /** Its position in that chain. */
  final int index;
  /**
   * Sequence number of its first byte: the offload's base (delegated SndUna, else SndNxt, at
   * initiate) plus the bytes of every earlier send. {@link SeqNum#NONE} when the initiate gave neither.
   */
  final long streamStart;

  /** The completion that named it, or null while outstanding. */
  Event.Upcall completion;
  NdisStatus completionStatus;

  TrackedSend(long nblId, String connection, int length, List<Long> chain, int index, long streamStart) {
    this.nblId = nblId;
    this.connection = connection;
    this.length = length;
    this.chain = chain;
    this.index = index;
    this.streamStart = streamStart;
  }

  /** Sequence number one past its last byte, or {@link SeqNum#NONE} when unknown. */
  long streamEnd() {
    return SeqNum.known(streamStart) ? SeqNum.add(streamStart, length) : SeqNum.NONE;
  }

  @Override
  public String toString() {
    return "send #" + nblId;
  }
}
