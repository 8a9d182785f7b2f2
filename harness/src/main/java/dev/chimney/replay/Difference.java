package dev.chimney.replay;

/**
 * One way the live target's segment differs from the recorded one: "packet 7 flags: expected ACK,
 * actual RST|ACK". Immutable.
 *
 * @param packet the recorded packet's number, or 0 for a live segment beyond the recording
 * @param live the live segment's index among the target's segments after the handshake, from 1; 0 when there is none
 * @param field "flags", "seq", "ack", "len", "window", or "segment" for a segment missing on one side
 * @param expected the recording's value, relative to its ISNs
 * @param actual the live value, relative to the live ISNs
 */
public record Difference(long packet, int live, String field, String expected, String actual) {
  /** "packet N field: expected X, actual Y", or "live segment K field: ..." beyond the recording. */
  public String message() {
    String where = packet > 0 ? "packet " + packet : "live segment " + live;
    return where + " " + field + ": expected " + expected + ", actual " + actual;
  }
}
