package org.laurel.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.shared.ConflictException;

/** One assessor's sheet; {@code assessor} is a unit code, or COUNCIL in the council round. */
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
    @Nullable String reopenReason) {

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
