package dev.chimney.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One packet as the link captured it. Immutable: the bytes are copied in and out.
 *
 * @param number position in the capture, from 1, in capture order; what failure messages cite
 * @param timeNanos virtual time of the capture at the target's port, nanoseconds since the scenario
 *     began: when the target sent it ({@link Direction#TO_PEER}) or when it reached the target
 *     ({@link Direction#TO_TARGET})
 * @param direction which way it crossed the link
 * @param bytes the whole IPv4 packet as transmitted (not necessarily valid)
 * @param comments notes attached to it, written as pcapng packet comments; never null
 */
public record CapturedPacket(int number, long timeNanos, Direction direction, byte[] bytes, List<String> comments) {
  public CapturedPacket {
    Objects.requireNonNull(direction, "direction");
    bytes = bytes.clone();
    comments = List.copyOf(comments);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The same packet with {@code more} comments after its own. */
  public CapturedPacket withMoreComments(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(comments);
    all.addAll(more);
    return new CapturedPacket(number, timeNanos, direction, bytes, all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapturedPacket p
        && number == p.number && timeNanos == p.timeNanos && direction == p.direction
        && Arrays.equals(bytes, p.bytes) && comments.equals(p.comments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, timeNanos, direction, Arrays.hashCode(bytes), comments);
  }

  /** "#3 +0.000150000s TO_PEER 40 bytes". */
  @Override
  public String toString() {
    return String.format("#%d +%d.%09ds %s %d bytes", number, timeNanos / 1_000_000_000L,
        timeNanos % 1_000_000_000L, direction, bytes.length);
  }
}
