package org.laurel.reward;

import org.laurel.reward.RuleSet.Denominator;

/**
 * The exact arithmetic of a council ballot, in integers only (no floating point at any boundary).
 *
 * <ul>
 *   <li>Quorum: {@code present × q.denominator ≥ q.numerator × members}, members = the invited
 *       members (the council's members in term on the session's day).
 *   <li>Denominator: {@code ALL_MEMBERS} = members − members recused from the item; {@code PRESENT}
 *       = present members not recused + absent members who voted in writing on the nominee.
 *   <li>Approved: {@code approvals × 100 ≥ thresholdPercent × denominator} (and denominator > 0).
 * </ul>
 */
final class BallotArithmetic {
  private BallotArithmetic() {}

  static boolean quorumMet(int present, int members, int numerator, int denominator) {
    return members > 0 && (long) present * denominator >= (long) numerator * members;
  }

  static int denominator(
      Denominator kind, int members, int recused, int presentNotRecused, int written) {
    return switch (kind) {
      case ALL_MEMBERS -> members - recused;
      case PRESENT -> presentNotRecused + written;
    };
  }

  static boolean approved(int approvals, int thresholdPercent, int denominator) {
    return denominator > 0 && (long) approvals * 100 >= (long) thresholdPercent * denominator;
  }

  /** The fewest approvals that pass: ⌈threshold × denominator / 100⌉, in integers. */
  static int required(int thresholdPercent, int denominator) {
    return (int) (((long) thresholdPercent * denominator + 99) / 100);
  }

  /** The fewest members present for the quorum: ⌈numerator × members / denominator⌉. */
  static int quorumRequired(int members, int numerator, int denominator) {
    return (int) (((long) numerator * members + denominator - 1) / denominator);
  }
}
