package dev.chimney.rules.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chimney.wire.SeqNum;
import org.junit.jupiter.api.Test;

/** How evidence quotes a sequence number that may not be known. */
class SeqTest {
  @Test
  void textOfNoneIsWhatEvidenceShowedForAMissingNumber() {
    assertThat(Seq.text(SeqNum.NONE)).isEqualTo("null");
    assertThat(Seq.text(4294967295L)).isEqualTo("4294967295");
  }
}
