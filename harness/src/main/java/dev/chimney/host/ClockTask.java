package dev.chimney.host;

/** A task a clock runs at a time; ties run in submission order. Guarded by the owning clock. */
final class ClockTask implements Comparable<ClockTask> {
  final long at;
  final long order;
  final Runnable action;
  boolean cancelled;

  ClockTask(long at, long order, Runnable action) {
    this.at = at;
    this.order = order;
    this.action = action;
  }

  @Override
  public int compareTo(ClockTask o) {
    return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
  }
}
