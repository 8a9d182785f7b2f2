package dev.chimney.host;

import dev.chimney.spi.NdisStatus;

/**
 * A NET_BUFFER_LIST as it was when an event was recorded (lists are mutable; logs are not).
 *
 * @param id the list's id
 * @param status its Status at that moment
 * @param dataLength its data bytes at that moment
 * @param buffers how many NET_BUFFERs it holds
 */
public record NblView(long id, NdisStatus status, int dataLength, int buffers) {
  @Override
  public String toString() {
    return "#" + id + "(" + dataLength + "B " + status.ndisName() + ")";
  }
}
