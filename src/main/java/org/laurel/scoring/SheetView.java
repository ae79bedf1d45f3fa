package org.laurel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.shared.ConflictException;

/**
 * One assessor's sheet; {@code assessor} is a unit code, or COUNCIL in the council round. A sheet
 * with a {@code recusalReason} is a recusal (conflict of interest, cross round only): it has no
 * scores, and once submitted its assessor leaves the denominator of every manual criterion of the
 * assessed unit. {@code attachments} are the evidence files of its manual criteria.
 */
public record SheetView(
    long id,
    long pactId,
    Round round,
    String assessor,
    String assessed,
    Status status,
    @Nullable Instant submittedAt,
    @Nullable String submittedBy,
    int version,
    List<Entry> scores,
    @Nullable Instant reopenedAt,
    @Nullable String reopenedBy,
    @Nullable String reopenReason,
    @Nullable String recusalReason,
    List<Attachment> attachments) {

  public enum Status {
    DRAFT,
    SUBMITTED
  }

  /** A score; null points with {@code abstain} is an explicit abstention. */
  public record Entry(
      String criterion,
      @Nullable BigDecimal points,
      boolean abstain,
      @Nullable String comment,
      @Nullable String evidence) {}

  /**
   * An evidence file of a manual criterion: the name it was uploaded with (for display), the type
   * its content showed, its size; {@code href} downloads it through the API.
   */
  public record Attachment(
      long id,
      String criterion,
      String fileName,
      String mediaType,
      long size,
      String uploadedBy,
      Instant uploadedAt,
      String href) {

    /** The size in kilobytes, one decimal, for display. */
    public BigDecimal kilobytes() {
      return BigDecimal.valueOf(size).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
    }

    /** The size in megabytes, one decimal, for display. */
    public BigDecimal megabytes() {
      return BigDecimal.valueOf(size)
          .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP);
    }
  }

  /** The evidence files of one criterion, in upload order. */
  public List<Attachment> attachmentsOf(String criterion) {
    return attachments.stream().filter(a -> a.criterion().equals(criterion)).toList();
  }

  /** One sheet's place in the progress: who assesses whom and its status, never its scores. */
  public record Progress(Round round, String assessor, String assessed, Status status) {}

  /** A submitted sheet does not change until the secretariat reopens it. */
  void requireSubmitted() {
    if (status != Status.SUBMITTED) {
      throw new ConflictException("error.sheet.notSubmitted", round, assessor, assessed);
    }
  }

  void requireDraft() {
    if (status == Status.SUBMITTED) {
      throw new ConflictException("error.sheet.submitted", round, assessor, assessed);
    }
  }
}
