package org.laurel.reward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.laurel.reward.RuleSet.Denominator;

/** The ballot's arithmetic at its boundaries, exactly (integers only). */
class BallotArithmeticTest {

  @Test
  void seventeenMembersAtNinetyPercentNeedSixteen() {
    int d = BallotArithmetic.denominator(Denominator.ALL_MEMBERS, 17, 0, 17, 0);
    assertThat(d).isEqualTo(17);
    assertThat(BallotArithmetic.approved(16, 90, d)).isTrue(); // 94.1 %
    assertThat(BallotArithmetic.approved(15, 90, d)).isFalse(); // 88.2 %
    assertThat(BallotArithmetic.required(90, d)).isEqualTo(16);
  }

  @Test
  void tenMembersAtNinetyPercentPassWithExactlyNine() {
    assertThat(BallotArithmetic.approved(9, 90, 10)).isTrue(); // exactly 90 %
    assertThat(BallotArithmetic.approved(8, 90, 10)).isFalse();
    assertThat(BallotArithmetic.required(90, 10)).isEqualTo(9);
  }

  @Test
  void boundariesThatFloatingPointGetsWrong() {
    // 0.7 × 10 = 7.000000000000001 in binary floating point: 7 of 10 must pass 70 %
    assertThat(BallotArithmetic.approved(7, 70, 10)).isTrue();
    // 0.29 × 100 = 28.999999999999996: 29 of 100 must pass 29 %
    assertThat(BallotArithmetic.approved(29, 29, 100)).isTrue();
    assertThat(BallotArithmetic.approved(28, 29, 100)).isFalse();
    // 3 of 5 is exactly 60 %
    assertThat(BallotArithmetic.approved(3, 60, 5)).isTrue();
    assertThat(BallotArithmetic.approved(0, 1, 0)).isFalse();
  }

  @Test
  void recusedMembersLeaveTheDenominator() {
    // 17 members, one recused: 16; 15 of 16 = 93.75 % passes 90 %
    int all = BallotArithmetic.denominator(Denominator.ALL_MEMBERS, 17, 1, 16, 0);
    assertThat(all).isEqualTo(16);
    assertThat(BallotArithmetic.approved(15, 90, all)).isTrue();
    assertThat(BallotArithmetic.approved(14, 90, all)).isFalse();
    // those present: 12 present, one of them recused, 2 written votes of absent members
    assertThat(BallotArithmetic.denominator(Denominator.PRESENT, 17, 1, 11, 2)).isEqualTo(13);
  }

  @Test
  void quorumIsTwoThirdsByDefaultAndExact() {
    // 2/3 × 17 = 11.33: 12 present needed
    assertThat(BallotArithmetic.quorumMet(12, 17, 2, 3)).isTrue();
    assertThat(BallotArithmetic.quorumMet(11, 17, 2, 3)).isFalse();
    assertThat(BallotArithmetic.quorumRequired(17, 2, 3)).isEqualTo(12);
    // 2/3 × 9 = 6 exactly
    assertThat(BallotArithmetic.quorumMet(6, 9, 2, 3)).isTrue();
    assertThat(BallotArithmetic.quorumMet(5, 9, 2, 3)).isFalse();
    assertThat(BallotArithmetic.quorumMet(0, 0, 2, 3)).isFalse();
  }
}
