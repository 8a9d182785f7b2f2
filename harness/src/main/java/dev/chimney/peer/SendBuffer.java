package dev.chimney.peer;

import java.util.Arrays;

/** The peer's data not yet acknowledged by the target: sent-but-unacknowledged first, then unsent. */
final class SendBuffer {
  private byte[] bytes = new byte[0];
  private int length;

  /** Queues {@code data} after everything already queued. */
  void append(byte[] data) {
    if (length + data.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + data.length, bytes.length * 2));
    }
    System.arraycopy(data, 0, bytes, length, data.length);
    length += data.length;
  }

  int length() {
    return length;
  }

  /** A copy of {@code n} bytes from {@code offset}. */
  byte[] slice(int offset, int n) {
    return Arrays.copyOfRange(bytes, offset, offset + n);
  }

  /** Forgets the first {@code n} bytes: the target acknowledged them. */
  void dropFront(int n) {
    System.arraycopy(bytes, n, bytes, 0, length - n);
    length -= n;
  }
}
