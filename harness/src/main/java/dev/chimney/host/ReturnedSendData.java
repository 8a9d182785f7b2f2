package dev.chimney.host;

import dev.chimney.spi.NetBufferList;
import dev.chimney.wire.SeqNum;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where a terminated connection's send stream resumes. The lists a target hands back hold the tail
 * of everything the host handed down, in delivery order (TOC-5), so they end at the host's stream
 * end; the host resends from the returned SndUna on, taking the bytes from those lists, which is
 * what makes a target that hands back the wrong data visible on the wire (TRM-8).
 *
 * @param fromSndUna the send data from SndUna on
 * @param problem why the returned data does not reach back to SndUna, or null when it does
 */
record ReturnedSendData(byte[] fromSndUna, String problem) {

  /**
   * @param chain the lists handed back, in chain order
   * @param sndUna the returned SndUna; unset means the start of the returned data
   * @param streamEnd the sequence number just past the last byte the host handed down
   */
  static ReturnedSendData of(List<NetBufferList> chain, OptionalLong sndUna, long streamEnd) {
    byte[] all = NetBufferList.data(chain);
    long chainStart = SeqNum.add(streamEnd, -all.length);
    long skip = SeqNum.diff(sndUna.orElse(chainStart), chainStart);
    if (skip >= 0 && skip <= all.length) {
      return new ReturnedSendData(Arrays.copyOfRange(all, (int) skip, all.length), null);
    }
    String problem = "SndUna " + sndUna.orElse(-1) + " is not within the returned send data ["
        + chainStart + ", " + streamEnd + ")";
    int clamped = (int) Math.max(0, Math.min(skip, all.length));
    return new ReturnedSendData(Arrays.copyOfRange(all, clamped, all.length), problem);
  }
}
