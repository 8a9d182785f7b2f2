package dev.chimney.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Damage done to a YAML file the way an editor, a bad merge or a careless generator does it: whole
 * lines lost, repeated or swapped, a value replaced by one of another type, a key renamed or added,
 * indentation shifted, the file cut short. Unlike random characters, most of the damage leaves the
 * file YAML, so a reader gets as far as its values; that is where the plain and the databind reader
 * could tell them apart. For the property tests that hold {@link PlainYaml}'s readers to databind's.
 */
public final class YamlDamage {
  /**
   * Values of every kind the two readers could take differently: what databind coerces (a quoted
   * number, a number or a boolean for text, a float for a whole number, a single value for a list, an
   * index for an enum), numbers at the edges of int and long and beyond double, YAML 1.1 spellings
   * (hex, octal, binary, underscores, sexagesimal, .inf, yes/no), tags and aliases, nulls, and the words
   * the shipped files use, so that a value can move to the wrong key.
   */
  public static final List<String> VALUES = List.of(
      "~", "null", "''", "true", "no", "on", "0", "-1", "7", "+5", "2147483647", "2147483648", "4294967295",
      "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "7.0", "0.25", "-.5",
      "1e3", "1e400", "-0.0", ".inf", "-.inf", ".nan", ".NaN", "0x1F", "0xFFFFFFFFFFFFFFFFF", "0o17", "017", "09",
      "0b101", "1_000", "1:30", "'7'", "\"7\"", "'0.5'", "some text", "\"a, b\"", "7, 8", "[]", "{}", "[1, 2]",
      "[1, ~]", "[1, 1.5]", "[0x10]", "[target]", "[api, wire]", "[target, target]", "[~]", "{sndUna: 1}",
      "{sndUna: 1, sndUna: 2}", "{sndUna: 1.5}", "{sndUna: ~}", "{sndUna: 99999999999999999999}", "{1: 2}",
      "!!str 7", "!!int '7'", "!!float 1", "!!binary aGk=", "&a 5", "*a", "SUCCESS", "NDIS_STATUS_FAILURE",
      "send", "terminate", "send-complete", "TCP2", "PASS", "optional", "OPTIONAL", "required", "TERMINATE_REQUEST",
      "'FORWARD'", "' FORWARD'", "forward", "'0'", "telepathy", "DSC-3", "TRM-1", "TRM-01");

  /** Keys of both formats, some spelt as databind might also take them, and some neither knows. */
  private static final List<String> KEYS = List.of(
      "packet", "time", "connection", "do", "kind", "bytes", "id", "ids", "status", "delegated", "sndUna",
      "rcvNxt", "capture", "description", "target", "peer", "actions", "expect", "compare-window", "rules",
      "area", "text", "binds", "seen_on", "seenOn", "level", "requires", "DSC-3", "XYZ-1", "bogus", "<<");

  /** Characters that change YAML's structure when one lands in the wrong place. */
  private static final String PUNCTUATION = "{}[]:,-'\"#&*!|>% \t\n";

  /** A value: after a key, a dash, an opening bracket or a comma, up to the next comma, bracket or line end. */
  private static final Pattern VALUE =
      Pattern.compile("(?<=: |- |\\[|, )[^\\s\\[\\]{},#](?:(?!: )[^\\[\\]{},\\n])*?(?=\\s*(?:,|\\]|\\}|$))",
          Pattern.MULTILINE);
  private static final Pattern KEY = Pattern.compile("[A-Za-z_<][\\w<-]*(?=:(?: |$))", Pattern.MULTILINE);

  private YamlDamage() {}

  /** What an edit does; its {@code where} and {@code other} pick lines, values or keys modulo their count. */
  public enum Kind {
    DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, REPLACE_VALUE, RENAME_KEY, ADD_KEY, SHIFT_INDENT, TRUNCATE, PUNCTUATE
  }

  /**
   * One edit. {@code where} and {@code other} are any numbers, taken modulo what there is to pick from,
   * so that jqwik can shrink them; {@code text} is the value, key or character put in.
   */
  public record Edit(Kind kind, int where, int other, String text) {
    /** {@code yaml} with this edit done; unchanged when there is nothing for it to pick. */
    public String applyTo(String yaml) {
      List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
      int line = where % lines.size();
      switch (kind) {
        case DELETE_LINE -> lines.remove(line);
        case DUPLICATE_LINE -> lines.add(line, lines.get(line));
        case SWAP_LINES -> {
          int to = other % lines.size();
          String moved = lines.get(line);
          lines.set(line, lines.get(to));
          lines.set(to, moved);
        }
        case SHIFT_INDENT -> {
          // other picks a shift from -3 to +3 spaces, never 0.
          int shift = other % 6 - 3;
          shift = shift >= 0 ? shift + 1 : shift;
          String l = lines.get(line);
          lines.set(line, shift > 0 ? " ".repeat(shift) + l : l.substring(Math.min(-shift, leadingSpaces(l))));
        }
        case ADD_KEY -> {
          String l = lines.get(line);
          int brace = l.indexOf('{');
          if (brace >= 0 && other % 2 == 0) {
            // Inside the flow mapping an action is written as.
            lines.set(line, l.substring(0, brace + 1) + text + ", " + l.substring(brace + 1));
          } else {
            // A line of its own, at the indentation of the line picked (a list item's dash as a space).
            String indent = " ".repeat(leadingSpaces(l.replaceFirst("^(\\s*)- ", "$1  ")));
            lines.add(line + 1, indent + text);
          }
        }
        case TRUNCATE -> {
          return yaml.substring(0, where % (yaml.length() + 1));
        }
        case PUNCTUATE -> {
          int at = where % (yaml.length() + 1);
          return yaml.substring(0, at) + text + yaml.substring(at);
        }
        case REPLACE_VALUE -> {
          return replaceMatch(yaml, VALUE, text);
        }
        case RENAME_KEY -> {
          return replaceMatch(yaml, KEY, text);
        }
      }
      return String.join("\n", lines);
    }

    private String replaceMatch(String yaml, Pattern pattern, String replacement) {
      List<int[]> spans = new ArrayList<>();
      for (Matcher m = pattern.matcher(yaml); m.find(); ) {
        spans.add(new int[] {m.start(), m.end()});
      }
      if (spans.isEmpty()) {
        return yaml;
      }
      int[] span = spans.get(where % spans.size());
      return yaml.substring(0, span[0]) + replacement + yaml.substring(span[1]);
    }
  }

  /**
   * {@code yaml} with the mapping that starts on line {@code line} (a flow mapping on that line, or
   * the block mapping of a list item) holding {@code key: value}: the key's value replaced when it has
   * one, else the key added. A value changed to another type, cleanly, with nothing else damaged.
   */
  public static String setKey(String yaml, int line, String key, String value) {
    List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
    String start = lines.get(line);
    if (start.contains("{")) {
      // The key's value runs to the end of its own brackets, or else to the next comma or brace.
      Matcher m = Pattern.compile("(?<=[{ ])" + Pattern.quote(key) + ": (?:\\{[^}]*\\}|\\[[^\\]]*\\]|[^,}]*)")
          .matcher(start);
      String entry = Matcher.quoteReplacement(key + ": " + value);
      lines.set(line, m.find() ? m.replaceFirst(entry) : start.replaceFirst("\\{", "{" + entry + ", "));
      return String.join("\n", lines);
    }
    // A block mapping: its keys stand in the column past the item's dash, up to the first line left of it.
    int column = leadingSpaces(start) + 2;
    String prefix = key + ":";
    for (int at = line; at < lines.size() && (at == line || leadingSpaces(lines.get(at)) >= column); at++) {
      if (lines.get(at).startsWith(prefix, column)) {
        lines.set(at, lines.get(at).substring(0, column) + prefix + " " + value);
        return String.join("\n", lines);
      }
    }
    lines.add(line + 1, " ".repeat(column) + prefix + " " + value);
    return String.join("\n", lines);
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /** One to three edits, done in order: more, and almost every file is left to databind. */
  public static Arbitrary<List<Edit>> edits() {
    return edit().list().ofMinSize(1).ofMaxSize(3);
  }

  private static Arbitrary<Edit> edit() {
    // Without edge cases: 0, 1 and MAX_VALUE would pick the first lines (comments) far too often.
    Arbitrary<Integer> index = Arbitraries.integers().between(0, Integer.MAX_VALUE).withoutEdgeCases();
    return kinds().flatMap(kind -> Combinators.combine(index, index, textFor(kind))
        .as((where, other, text) -> new Edit(kind, where, other, text)));
  }

  /**
   * Mostly values and keys changed, which leave the file YAML and put the readers to the test; the
   * rest mostly ends in a syntax error or a missing key, which the two paths report by shared code.
   */
  private static Arbitrary<Kind> kinds() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Kind.REPLACE_VALUE)),
        Tuple.of(2, Arbitraries.just(Kind.ADD_KEY)), Tuple.of(2, Arbitraries.just(Kind.RENAME_KEY)),
        Tuple.of(1, Arbitraries.of(Kind.DELETE_LINE, Kind.DUPLICATE_LINE, Kind.SWAP_LINES, Kind.SHIFT_INDENT)),
        Tuple.of(1, Arbitraries.of(Kind.TRUNCATE, Kind.PUNCTUATE)));
  }

  private static Arbitrary<String> textFor(Kind kind) {
    return switch (kind) {
      case REPLACE_VALUE -> Arbitraries.of(VALUES);
      case RENAME_KEY -> Arbitraries.of(KEYS);
      case ADD_KEY -> Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(VALUES)).as((k, v) -> k + ": " + v);
      case PUNCTUATE -> Arbitraries.of(PUNCTUATION.chars().mapToObj(c -> String.valueOf((char) c)).toList());
      default -> Arbitraries.just("");
    };
  }

  /** {@code yaml} with every edit done, in order. */
  public static String apply(String yaml, List<Edit> edits) {
    String damaged = yaml;
    for (Edit e : edits) {
      damaged = e.applyTo(damaged);
    }
    return damaged;
  }
}
