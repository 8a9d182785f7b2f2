package dev.chimney.wire;

/** Bytes that are not a valid IPv4/TCP packet: the message says which field is wrong and how. */
public final class MalformedPacketException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedPacketException(String message) {
    super(message);
  }
}
