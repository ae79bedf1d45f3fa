package org.laurel.reward;

import java.time.LocalDate;
import java.util.List;

/**
 * A council's secret ballot closed: the public record of its tally, per nominee (no voter is named
 * anywhere in it). Proposals whose item reached its quorum are {@code COUNCIL_VOTED} by then.
 */
public record BallotClosed(
    long sessionId, String ballotRef, String councilCode, LocalDate heldOn, List<Result> results) {

  public record Result(
      long proposalId,
      long nomineeId,
      String displayName,
      int approve,
      int reject,
      int abstain,
      int denominator,
      int thresholdPercent,
      CouncilSessionView.Outcome outcome) {}
}
