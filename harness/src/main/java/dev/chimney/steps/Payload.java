package dev.chimney.steps;

/**
 * The bytes scenarios send: a position-dependent pattern, so that a byte lost, repeated or
 * reordered anywhere in a stream shows up when the received stream is compared with it.
 */
final class Payload {
  private Payload() {}

  /** {@code length} bytes of the stream that starts at {@code offset}; {@code salt} tells streams apart. */
  static byte[] of(long offset, int length, int salt) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      long p = offset + i;
      b[i] = (byte) ((p * 31 + (p >>> 8) + salt * 17L) % 251);
    }
    return b;
  }
}
