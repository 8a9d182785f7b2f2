package dev.chimney.wire.capture;

import java.nio.file.Path;

/**
 * The capture cannot be read further: wrong magic, a header cut short, an absurd length, an
 * unsupported link type. The message names the file and the record ("record 12") or the byte offset,
 * and is one line, fit to print after {@code chimney: }.
 */
public final class CaptureFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long record;

  /**
   * @param file the capture
   * @param record the record (packet or block) number where reading stopped, from 1; 0 for the file header
   * @param problem what is wrong, without the file name
   */
  public CaptureFormatException(Path file, long record, String problem) {
    super(file + (record > 0 ? ": record " + record + ": " : ": ") + problem);
    this.record = record;
  }

  /** The record where reading stopped, from 1; 0 when the file header itself is bad. */
  public long record() {
    return record;
  }
}
