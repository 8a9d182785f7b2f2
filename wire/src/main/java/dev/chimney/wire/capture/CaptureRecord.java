package dev.chimney.wire.capture;

import java.util.List;

/**
 * One packet record of a capture, as the reader last returned it. A flyweight: the reader reuses
 * this object and its buffer for the next record, so take what you need before calling {@link
 * CaptureReader#next()} again. Bytes are in {@link #data()} from {@link #offset()}.
 */
public final class CaptureRecord {
  /** pcapng epb_flags direction: not recorded. */
  public static final int DIRECTION_UNKNOWN = 0;
  /** pcapng epb_flags direction: received by the capturing interface. */
  public static final int DIRECTION_INBOUND = 1;
  /** pcapng epb_flags direction: sent by the capturing interface. */
  public static final int DIRECTION_OUTBOUND = 2;

  long number;
  long timestampNanos;
  LinkType linkType;
  byte[] data;
  int offset;
  int capturedLength;
  long originalLength;
  int direction;
  List<String> comments = List.of();

  /** The packet's number in the capture, from 1, as Wireshark numbers it. */
  public long number() {
    return number;
  }

  /** Capture time, nanoseconds since 1970-01-01 UTC (after pcapng's if_tsoffset). */
  public long timestampNanos() {
    return timestampNanos;
  }

  /** The link-layer header type of the interface it was captured on. */
  public LinkType linkType() {
    return linkType;
  }

  /** The buffer holding the captured bytes; shared, valid until the next record. */
  public byte[] data() {
    return data;
  }

  /** Where the captured bytes start in {@link #data()}. */
  public int offset() {
    return offset;
  }

  /** How many bytes were captured. */
  public int capturedLength() {
    return capturedLength;
  }

  /** How long the packet was on the wire; more than {@link #capturedLength()} when the snap length cut it. */
  public long originalLength() {
    return originalLength;
  }

  /** True when the snap length cut the packet. */
  public boolean truncated() {
    return capturedLength < originalLength;
  }

  /** One of the DIRECTION_ constants (pcapng epb_flags); unknown for classic pcap. */
  public int direction() {
    return direction;
  }

  /** The record's opt_comment strings, in file order; empty (never null) when none. */
  public List<String> comments() {
    return comments;
  }
}
