package dev.chimney.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain values are read as databind reads them; anything databind would coerce is NotPlain. */
class PlainYamlTest {
  /** A parser on the value of {@code v: <yaml>}. */
  private static JsonParser value(String yaml) throws IOException {
    JsonParser p = PlainYaml.FACTORY.createParser("v: " + yaml);
    p.nextToken();
    p.nextToken();
    p.nextToken();
    return p;
  }

  @Test
  void readsPlainValues() throws Exception {
    assertThat(PlainYaml.text(value("'a text'"))).isEqualTo("a text");
    assertThat(PlainYaml.text(value("DSC-3"))).isEqualTo("DSC-3");
    assertThat(PlainYaml.wholeNumber(value("4294967295"))).isEqualTo(4294967295L);
    assertThat(PlainYaml.smallWholeNumber(value("1000"))).isEqualTo(1000);
    assertThat(PlainYaml.number(value("0.25"))).isEqualTo(0.25);
    assertThat(PlainYaml.number(value("2"))).as("a whole number as a number").isEqualTo(2.0);
    assertThat(PlainYaml.texts(value("[target, host]"))).containsExactly("target", "host");
    assertThat(PlainYaml.wholeNumbers(value("[1, 2]"))).containsExactly(1L, 2L);
    assertThat(PlainYaml.namedWholeNumbers(value("{sndUna: 1, rcvNxt: 4}")))
        .containsExactly(Map.entry("sndUna", 1L), Map.entry("rcvNxt", 4L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "true", "~", "[a]", "{a: b}"})
  void textIsOnlyAString(String yaml) {
    assertThatThrownBy(() -> PlainYaml.text(value(yaml))).isInstanceOf(PlainYaml.NotPlain.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'7'", "1.5", "9223372036854775808", "~", "[1]"})
  void wholeNumberIsOnlyALongNumber(String yaml) {
    assertThatThrownBy(() -> PlainYaml.wholeNumber(value(yaml))).isInstanceOf(PlainYaml.NotPlain.class);
  }

  @Test
  void smallWholeNumberIsOnlyAnIntNumber() {
    assertThatThrownBy(() -> PlainYaml.smallWholeNumber(value("3000000000"))).isInstanceOf(PlainYaml.NotPlain.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'0.5'", ".5x", "~", "true"})
  void numberIsOnlyANumber(String yaml) {
    assertThatThrownBy(() -> PlainYaml.number(value(yaml))).isInstanceOf(PlainYaml.NotPlain.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"target", "[target, ~]", "[target, 7]", "[[target]]"})
  void textsIsOnlyAListOfStrings(String yaml) {
    assertThatThrownBy(() -> PlainYaml.texts(value(yaml))).isInstanceOf(PlainYaml.NotPlain.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{a: 1, a: 2}", "{a: '1'}", "{a: ~}", "[1]"})
  void namedWholeNumbersIsOnlyAMappingOfDistinctNamesToNumbers(String yaml) {
    assertThatThrownBy(() -> PlainYaml.namedWholeNumbers(value(yaml))).isInstanceOf(PlainYaml.NotPlain.class);
  }

  @Test
  void keysAreKnownAndOnceEach() throws Exception {
    Set<String> known = Set.of("a", "b");
    JsonParser p = PlainYaml.FACTORY.createParser("{a: 1, b: 2}");
    p.nextToken();
    Set<String> seen = new HashSet<>();
    assertThat(PlainYaml.nextKey(p, known, seen)).isEqualTo("a");
    assertThat(PlainYaml.wholeNumber(p)).isEqualTo(1);
    assertThat(PlainYaml.nextKey(p, known, seen)).isEqualTo("b");
    assertThat(PlainYaml.wholeNumber(p)).isEqualTo(2);
    assertThat(PlainYaml.nextKey(p, known, seen)).as("the mapping's end").isNull();
    assertThat(seen).containsExactlyInAnyOrder("a", "b");

    for (String yaml : List.of("{c: 1}", "{a: 1, a: 2}")) {
      JsonParser q = PlainYaml.FACTORY.createParser(yaml);
      q.nextToken();
      Set<String> seenHere = new HashSet<>();
      assertThatThrownBy(() -> {
        for (String key = PlainYaml.nextKey(q, known, seenHere); key != null; key = PlainYaml.nextKey(q, known, seenHere)) {
          PlainYaml.wholeNumber(q);
        }
      }).as(yaml).isInstanceOf(PlainYaml.NotPlain.class);
    }
  }
}
