package dev.chimney.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wrapping rule text for the terminal. */
class TextWrapTest {
  @Test
  void breaksAtSpacesWithinTheWidth() {
    assertThat(TextWrap.wrap("one two three four", 9)).as("wrapped at 9").containsExactly("one two", "three", "four");
  }

  @Test
  void aWordLongerThanTheWidthStandsAlone() {
    assertThat(TextWrap.wrap("a NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS b", 10)).as("wrapped at 10")
        .containsExactly("a", "NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS", "b");
  }

  @Test
  void runsOfWhitespaceCollapse() {
    assertThat(TextWrap.wrap("  a \n  b  ", 80)).as("wrapped at 80").containsExactly("a b");
  }
}
