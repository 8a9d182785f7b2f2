package dev.chimney.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML values of the plain form a record field wants (text, whole numbers, numbers, and lists
 * and mappings of them) from Jackson's streaming parser, as databind reads them into records without
 * coercing. Databind is the slow part of a short command's start: its static set-up and, per record
 * type, a deserializer built by introspection. So readers try these first, and whatever is not plain
 * (a value databind would coerce, an unknown or repeated key, a syntax error) throws {@link
 * NotPlain}; the readers check for missing keys themselves: the reader then reads the file again with databind, whose results and messages are the
 * contract. Each method reads the value at the parser's current token and leaves the parser on its
 * last token. Stateless; any thread.
 */
public final class PlainYaml {
  /** Makes parsers without databind: what the plain readers use. */
  public static final YAMLFactory FACTORY = new YAMLFactory();

  private PlainYaml() {}

  /** The input is not plain: only databind knows what it means or what to say about it. */
  public static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;

    /** Without a stack trace: it only sends the reader back to databind. */
    public NotPlain() {
      super(null, null, false, false);
    }
  }

  /**
   * The next key of the mapping being read, with the parser moved on to its value; null at the
   * mapping's end.
   *
   * @param known the keys the mapping may have; a key outside them is not plain
   * @param seen the keys read so far, which this one joins; a repeated key is not plain
   */
  public static String nextKey(JsonParser p, Set<String> known, Set<String> seen) throws IOException, NotPlain {
    if (p.nextToken() == JsonToken.END_OBJECT) {
      return null;
    }
    expect(p.currentToken() == JsonToken.FIELD_NAME);
    String key = p.currentName();
    if (!known.contains(key) || !seen.add(key)) {
      throw new NotPlain();
    }
    p.nextToken();
    return key;
  }

  /** A YAML string. */
  public static String text(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.VALUE_STRING);
    return p.getText();
  }

  /** A whole number that fits a long. */
  public static long wholeNumber(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.VALUE_NUMBER_INT
        && (p.getNumberType() == JsonParser.NumberType.INT || p.getNumberType() == JsonParser.NumberType.LONG));
    return p.getLongValue();
  }

  /** A whole number that fits an int. */
  public static int smallWholeNumber(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT);
    return p.getIntValue();
  }

  /** A number, whole or not, as a double. */
  public static double number(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT || p.currentToken() == JsonToken.VALUE_NUMBER_INT);
    return p.getDoubleValue();
  }

  /** A list of YAML strings. */
  public static List<String> texts(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.START_ARRAY);
    List<String> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      values.add(text(p));
    }
    return values;
  }

  /** A list of whole numbers that fit a long. */
  public static List<Long> wholeNumbers(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.START_ARRAY);
    List<Long> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      values.add(wholeNumber(p));
    }
    return values;
  }

  /** A mapping of names to whole numbers that fit a long, in the order written. */
  public static Map<String, Long> namedWholeNumbers(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    Map<String, Long> values = new LinkedHashMap<>();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      expect(p.currentToken() == JsonToken.FIELD_NAME);
      String name = p.currentName();
      p.nextToken();
      if (values.put(name, wholeNumber(p)) != null) {
        throw new NotPlain();
      }
    }
    return values;
  }

  private static void expect(boolean plain) throws NotPlain {
    if (!plain) {
      throw new NotPlain();
    }
  }
}
