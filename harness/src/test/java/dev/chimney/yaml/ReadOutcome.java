package dev.chimney.yaml;

import dev.chimney.yaml.PlainYaml.NotPlain;

/**
 * What one reader made of one file: the value it read and how that prints, or the exception it threw,
 * by class and message. The printed form is compared too because the values hold maps and sets whose
 * equality ignores order, while the order is part of what the readers promise (file order).
 *
 * @param value what was read, or null after an exception
 * @param printed the value's {@code toString()}, or null after an exception
 * @param error the exception's class and message, or null when a value was read
 */
public record ReadOutcome(Object value, String printed, String error) {
  /** A read that may give up with NotPlain. */
  public interface Read {
    Object read() throws Exception;
  }

  /**
   * The outcome of {@code read}.
   *
   * @throws NotPlain when the read gave up: it decided nothing, so there is no outcome to compare
   */
  public static ReadOutcome of(Read read) throws NotPlain {
    try {
      Object value = read.read();
      return new ReadOutcome(value, String.valueOf(value), null);
    } catch (NotPlain e) {
      throw e;
    } catch (Exception e) {
      return new ReadOutcome(null, null, e.getClass().getName() + ": " + e.getMessage());
    }
  }

  /** Whether the read ended in an exception. */
  public boolean refused() {
    return error != null;
  }
}
