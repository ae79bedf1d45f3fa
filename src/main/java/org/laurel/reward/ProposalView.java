package org.laurel.reward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardType.Recipient;

/** A proposal with its nominees, dossier files and every step it took. */
public record ProposalView(
    long id,
    ProposalKind kind,
    int year,
    String title,
    String proposingUnitCode,
    String awardCode,
    ProposalStatus status,
    @Nullable String achievement,
    @Nullable String specialistOpinion,
    @Nullable String returnReason,
    @Nullable LocalDate noticeFrom,
    @Nullable LocalDate noticeUntil,
    @Nullable Long sourceBlocId,
    String createdBy,
    int version,
    List<NomineeView> nominees,
    List<AttachmentView> attachments,
    List<Step> steps) {

  /**
   * A nominee; eligibility is filled in by the secretariat's review, the council's outcome by the
   * close of its ballot.
   */
  public record NomineeView(
      long id,
      Recipient kind,
      @Nullable Long personId,
      String unitCode,
      @Nullable String householdName,
      String displayName,
      @Nullable Boolean eligible,
      @Nullable Integer ruleSetVersion,
      @Nullable Evaluation evaluation,
      @Nullable CouncilOutcome councilOutcome) {}

  /** What the council's ballot decided for one nominee. */
  public enum CouncilOutcome {
    APPROVED,
    REJECTED
  }

  public record AttachmentView(
      long id,
      String role,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String uploadedBy,
      Instant uploadedAt) {}

  public record Step(
      @Nullable ProposalStatus from,
      ProposalStatus to,
      String actor,
      @Nullable String reason,
      Instant at) {}
}
