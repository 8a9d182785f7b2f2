package dev.chimney.peer;

import dev.chimney.wire.TcpSegment;

/**
 * Something the target put on the wire that a correct TCP never would, as the peer saw it.
 *
 * @param timeNanos clock time at which the peer received it
 * @param segment the offending segment, or null when the packet could not be decoded at all
 * @param message "field: expected X, actual Y", with why X was expected in brackets
 */
public record SanityViolation(long timeNanos, TcpSegment segment, String message) {
  @Override
  public String toString() {
    return "at " + timeNanos + " ns: " + message + (segment == null ? "" : " in " + segment);
  }
}
