package dev.chimney.trace;

import java.nio.file.Path;

/**
 * A manifest that cannot be used: bad YAML, a wrong type, an unknown rule or action, a capture
 * outside the traces folder, a packet past the end of the capture. The message is one line,
 * "FILE:LINE: problem", fit to print after {@code chimney: }.
 */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the manifest
   * @param line the line of the offending entry, from 1; 0 when the whole file is at fault
   * @param problem what is wrong
   */
  public ManifestException(Path file, int line, String problem) {
    // Problems quote the manifest's own text, which YAML lets span lines; the contract is one line.
    super(file + (line > 0 ? ":" + line : "") + ": " + problem.strip().replaceAll("\\s*\\R\\s*", " "));
  }
}
