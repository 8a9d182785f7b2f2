package dev.chimney.wire.capture;

/**
 * Something about one record that did not stop the reading. The readers give one for a pcapng
 * block of a type they do not know, which is skipped; records cut by the snap length are not
 * notices but {@link CaptureRecord#truncated()}, for the caller to judge.
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
