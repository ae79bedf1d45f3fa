package org.laurel.reward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.RuleSet.Denominator;

/**
 * A council session: its invited members with their attendance, and its agenda of proposals with
 * each nominee's participation count (who took part, never how) and, once closed, the tally.
 */
public record CouncilSessionView(
    long id,
    long councilId,
    String councilCode,
    String councilName,
    LocalDate heldOn,
    String title,
    Status status,
    String ballotRef,
    String createdBy,
    Instant createdAt,
    @Nullable Instant openedAt,
    @Nullable Instant closedAt,
    @Nullable String closedBy,
    int version,
    List<Member> members,
    List<Item> items) {

  /** PREPARING → OPEN → CLOSED. */
  public enum Status {
    PREPARING,
    OPEN,
    CLOSED
  }

  public enum Attendance {
    PRESENT,
    ABSENT
  }

  /** How an item is voted: electronic secret ballot, or a paper ballot counted in the room. */
  public enum Mode {
    ELECTRONIC,
    PAPER
  }

  public enum Outcome {
    APPROVED,
    REJECTED,
    NO_QUORUM
  }

  public record Member(
      long personId,
      String fullName,
      @Nullable String position,
      String role,
      @Nullable Attendance attendance) {}

  /** One proposal on the agenda, with the vote rule in force for its award on the session's day. */
  public record Item(
      long id,
      int position,
      long proposalId,
      String proposalTitle,
      String proposingUnitCode,
      String awardCode,
      @Nullable Mode mode,
      boolean active,
      VoteRule rule,
      List<Recusal> recusals,
      List<NomineeLine> nominees) {}

  public record Recusal(long personId, String fullName, String reason, String declaredBy) {}

  /**
   * A nominee: how many members took part (electronic), the paper count if recorded, the tally once
   * closed.
   */
  public record NomineeLine(
      long nomineeId,
      String displayName,
      @Nullable Boolean eligible,
      int participants,
      @Nullable Count paper,
      @Nullable Tally tally) {}

  public record Count(int approve, int reject, int abstain) {}

  /**
   * The vote rule of an item: from the award's rule set in force on the session's day, or Laurel's
   * default when the rule set names no vote ({@code defaulted}).
   */
  public record VoteRule(
      int thresholdPercent,
      Denominator denominator,
      boolean absentMayVoteInWriting,
      int quorumNumerator,
      int quorumDenominator,
      String source,
      String quorumSource,
      @Nullable Integer ruleSetVersion,
      boolean defaulted) {}

  /** The published count of one nominee with every figure that decided it. */
  public record Tally(
      Mode source,
      int approve,
      int reject,
      int abstain,
      int members,
      int present,
      int recused,
      int written,
      int denominator,
      Denominator denominatorKind,
      int thresholdPercent,
      int required,
      int quorumNumerator,
      int quorumDenominator,
      boolean quorumMet,
      @Nullable Integer ruleSetVersion,
      String ruleSource,
      Outcome outcome) {}

  public boolean open() {
    return status == Status.OPEN;
  }

  public boolean closed() {
    return status == Status.CLOSED;
  }

  public long presentCount() {
    return members.stream().filter(m -> m.attendance() == Attendance.PRESENT).count();
  }
}
