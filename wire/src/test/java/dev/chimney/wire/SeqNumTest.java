package dev.chimney.wire;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Sequence arithmetic modulo 2^32: across the wrap, at equality, and at the 2^31 boundary where
 * RFC 1982 leaves the order undefined and {@link SeqNum} answers as documented.
 */
class SeqNumTest {
  private static final long TOP = 0xFFFF_FFFFL;
  private static final long HALF = 1L << 31;

  @Test
  void addWrapsAroundTwoToThe32InBothDirections() {
    assertThat(SeqNum.add(TOP, 1)).isZero();
    assertThat(SeqNum.add(0xFFFF_FFF0L, 0x20)).isEqualTo(0x10);
    assertThat(SeqNum.add(0, -1)).isEqualTo(TOP);
    assertThat(SeqNum.add(0x10, -0x20)).isEqualTo(0xFFFF_FFF0L);
    assertThat(SeqNum.add(1000, 500)).isEqualTo(1500);
  }

  @Test
  void maskKeepsTheLow32Bits() {
    assertThat(SeqNum.mask(-1)).isEqualTo(TOP);
    assertThat(SeqNum.mask(1L << 32)).isZero();
    assertThat(SeqNum.mask(0x1_0000_0005L)).isEqualTo(5);
    assertThat(SeqNum.mask(TOP)).isEqualTo(TOP);
  }

  @Test
  void diffIsSignedAndCrossesTheWrap() {
    assertThat(SeqNum.diff(0x10, 0xFFFF_FFF0L)).isEqualTo(0x20);
    assertThat(SeqNum.diff(0xFFFF_FFF0L, 0x10)).isEqualTo(-0x20);
    assertThat(SeqNum.diff(7, 7)).isZero();
    assertThat(SeqNum.diff(HALF - 1, 0)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void distanceIsForwardAndNeverNegative() {
    assertThat(SeqNum.distance(0xFFFF_FFF0L, 0x10)).isEqualTo(0x20);
    assertThat(SeqNum.distance(0x10, 0xFFFF_FFF0L)).isEqualTo(TOP - 0x1F);
    assertThat(SeqNum.distance(7, 7)).isZero();
    assertThat(SeqNum.distance(1, 0)).isEqualTo(TOP);
  }

  @Test
  void aNumberJustPastTheWrapIsAfterOneJustBeforeIt() {
    assertThat(SeqNum.gt(0x10, 0xFFFF_FFF0L)).isTrue();
    assertThat(SeqNum.lt(0xFFFF_FFF0L, 0x10)).isTrue();
    assertThat(SeqNum.le(0xFFFF_FFF0L, 0x10)).isTrue();
    assertThat(SeqNum.lt(0x10, 0xFFFF_FFF0L)).isFalse();
    assertThat(SeqNum.gt(0xFFFF_FFF0L, 0x10)).isFalse();
    assertThat(SeqNum.gt(0, TOP)).isTrue();
  }

  @Test
  void equalNumbersAreNeitherBeforeNorAfterButAreLessOrEqual() {
    for (long v : new long[] {0, 1, HALF - 1, HALF, TOP}) {
      assertThat(SeqNum.lt(v, v)).as("lt %d", v).isFalse();
      assertThat(SeqNum.gt(v, v)).as("gt %d", v).isFalse();
      assertThat(SeqNum.le(v, v)).as("le %d", v).isTrue();
      assertThat(SeqNum.max(v, v)).as("max %d", v).isEqualTo(v);
    }
  }

  @Test
  void justUnderTwoToThe31ApartIsOrderedTheNearWay() {
    assertThat(SeqNum.lt(0, HALF - 1)).isTrue();
    assertThat(SeqNum.gt(HALF - 1, 0)).isTrue();
    assertThat(SeqNum.lt(HALF - 1, 0)).isFalse();
    assertThat(SeqNum.gt(0, HALF - 1)).isFalse();
    assertThat(SeqNum.max(0, HALF - 1)).isEqualTo(HALF - 1);
    assertThat(SeqNum.max(HALF - 1, 0)).isEqualTo(HALF - 1);
  }

  @Test
  void justOverTwoToThe31ApartIsOrderedTheOtherWayRound() {
    assertThat(SeqNum.lt(HALF + 1, 0)).isTrue();
    assertThat(SeqNum.gt(0, HALF + 1)).isTrue();
    assertThat(SeqNum.max(0, HALF + 1)).isZero();
  }

  @Test
  void exactlyTwoToThe31ApartIsBeforeBothWaysAndAfterNeitherWay() {
    long[][] pairs = {{0, HALF}, {HALF, 0}, {TOP, HALF - 1}, {HALF - 1, TOP}, {5, HALF + 5}};
    for (long[] p : pairs) {
      assertThat(SeqNum.diff(p[0], p[1])).as("diff %d %d", p[0], p[1]).isEqualTo(Integer.MIN_VALUE);
      assertThat(SeqNum.lt(p[0], p[1])).as("lt %d %d", p[0], p[1]).isTrue();
      assertThat(SeqNum.le(p[0], p[1])).as("le %d %d", p[0], p[1]).isTrue();
      assertThat(SeqNum.gt(p[0], p[1])).as("gt %d %d", p[0], p[1]).isFalse();
      assertThat(SeqNum.max(p[0], p[1])).as("max %d %d", p[0], p[1]).isEqualTo(p[1]);
      assertThat(SeqNum.distance(p[0], p[1])).as("distance %d %d", p[0], p[1]).isEqualTo(HALF);
    }
  }

  @Property
  void comparisonsFollowTheForwardDistance(@ForAll("seq") long a, @ForAll("seq") long b) {
    long forward = SeqNum.distance(b, a);
    boolean after = forward > 0 && forward < HALF;
    boolean before = forward >= HALF;

    assertThat(SeqNum.gt(a, b)).isEqualTo(after);
    assertThat(SeqNum.lt(a, b)).isEqualTo(before);
    assertThat(SeqNum.le(a, b)).isEqualTo(before || a == b);
    assertThat(SeqNum.max(a, b)).isEqualTo(after ? a : b);
    assertThat(SeqNum.add(b, forward)).isEqualTo(a);
    assertThat(SeqNum.add(b, SeqNum.diff(a, b))).isEqualTo(a);
  }

  @Provide
  Arbitrary<Long> seq() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, TOP),
        Arbitraries.of(0L, 1L, HALF - 1, HALF, HALF + 1, TOP - 1, TOP));
  }

  @Test
  void theHighestOfNoneIsTheCandidate() {
    assertThat(SeqNum.highest(SeqNum.NONE, 0)).isEqualTo(0);
    assertThat(SeqNum.highest(SeqNum.NONE, 0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
    assertThat(SeqNum.known(SeqNum.highest(SeqNum.NONE, 0))).isTrue();
    assertThat(SeqNum.known(SeqNum.NONE)).isFalse();
  }

  @Test
  void theHighestIsTheLaterAcrossTheWrap() {
    assertThat(SeqNum.highest(0xFFFF_FFF0L, 0x10)).isEqualTo(0x10);
    assertThat(SeqNum.highest(0x10, 0xFFFF_FFF0L)).isEqualTo(0x10);
    assertThat(SeqNum.highest(5, 5)).isEqualTo(5);
  }
}
