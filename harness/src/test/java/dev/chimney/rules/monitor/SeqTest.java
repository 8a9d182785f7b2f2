package dev.chimney.rules.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Seq#NONE} for a number not known yet, and the later of two numbers across the wrap. */
class SeqTest {

  @Test
  void maxOfNoneIsTheCandidate() {
    assertThat(Seq.max(Seq.NONE, 0)).isEqualTo(0);
    assertThat(Seq.max(Seq.NONE, 0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
    assertThat(Seq.known(Seq.max(Seq.NONE, 0))).isTrue();
  }

  @Test
  void maxIsTheLaterAcrossTheWrap() {
    assertThat(Seq.max(0xFFFF_FFF0L, 0x10)).isEqualTo(0x10);
    assertThat(Seq.max(0x10, 0xFFFF_FFF0L)).isEqualTo(0x10);
    assertThat(Seq.max(5, 5)).isEqualTo(5);
  }

  @Test
  void textOfNoneIsWhatEvidenceShowedForAMissingNumber() {
    assertThat(Seq.text(Seq.NONE)).isEqualTo("null");
    assertThat(Seq.text(4294967295L)).isEqualTo("4294967295");
  }
}
