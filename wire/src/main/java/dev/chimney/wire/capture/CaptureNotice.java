package dev.chimney.wire.capture;

/**
 * Something about one record that did not stop the reading: a pcapng block of a type this reader
 * does not know (skipped), a record cut by the snap length (judged from its headers), a packet too
 * short for its own headers (skipped).
 *
 * @param record the record number, from 1 (for packets, the packet number Wireshark shows)
 * @param text what happened, one line
 */
public record CaptureNotice(long record, String text) {
  /** "record 12: pcapng block type 0x00000BAD skipped". */
  @Override
  public String toString() {
    return "record " + record + ": " + text;
  }
}
