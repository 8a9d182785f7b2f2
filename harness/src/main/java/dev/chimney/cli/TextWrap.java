package dev.chimney.cli;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for terminal output. */
final class TextWrap {
  private TextWrap() {}

  /** Splits text into lines of at most {@code width} characters, breaking at spaces; longer words stand alone. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
