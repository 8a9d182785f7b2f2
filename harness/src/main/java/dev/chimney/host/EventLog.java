package dev.chimney.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scenario's ordered record of everything that crossed the chimney interface and the wire.
 * Appends are serialised: upcalls may come from any thread, and each gets the next sequence number.
 * Listeners (the rule monitors) see every event, in order, as it is appended.
 */
public final class EventLog {
  /** Sees each event as it is appended, on the appending thread, under the log's lock. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(Event event);
  }

  private final HostClock clock;
  private final List<Event> events = new ArrayList<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  public EventLog(HostClock clock) {
    this.clock = clock;
  }

  /** Adds a listener for events appended from now on. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /**
   * Appends the event {@code factory} builds from the next sequence number and the current time.
   *
   * @return the appended event
   */
  public synchronized <E extends Event> E append(SeqAndTime<E> factory) {
    E event = factory.make(events.size() + 1L, clock.nanoTime());
    events.add(event);
    for (Listener l : listeners) {
      l.onEvent(event);
    }
    return event;
  }

  /** Appends a note. */
  public Event.Note note(String text) {
    return append((seq, time) -> new Event.Note(seq, time, text));
  }

  /** A snapshot of all events so far. */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Builds an event from its sequence number and time. */
  @FunctionalInterface
  public interface SeqAndTime<E extends Event> {
    E make(long seq, long timeNanos);
  }
}
