package org.laurel.reward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardRecord.Standing;
import org.laurel.reward.AwardType.Recipient;

/**
 * A decision (quyết định) of an issuing body: a draft, or issued with its number (e.g. {@code
 * 123/QĐ-UBND}); it grants awards to nominees the council approved, or revokes or corrects awards
 * of an earlier decision it references. An issued decision is never edited.
 */
public record DecisionView(
    long id,
    String bodyCode,
    String bodyName,
    Kind kind,
    Status status,
    LocalDate decidedOn,
    @Nullable String number,
    String title,
    String signerName,
    String signerTitle,
    String legalBasis,
    @Nullable String achievement,
    @Nullable String reason,
    @Nullable Long referencesId,
    @Nullable String referencesNumber,
    String createdBy,
    Instant createdAt,
    @Nullable String issuedBy,
    @Nullable Instant issuedAt,
    @Nullable String publishedBy,
    @Nullable Instant publishedAt,
    int version,
    List<Item> items,
    long totalVnd) {

  public enum Kind {
    /** Grants awards to nominees approved by the council. */
    GRANTING,
    /** Revokes awards granted by an earlier decision. */
    REVOKING,
    /** Replaces awards of an earlier decision (a wrong name, a wrong award). */
    CORRECTING
  }

  public enum Status {
    DRAFT,
    ISSUED
  }

  /**
   * One line: the recipient and award granted (a nominee's, or a correction's replacement), or the
   * earlier award revoked ({@code targetAwardId}); {@code awardId} and {@code amountVnd} are set at
   * issue; {@code standing} is that of the award this line created (or revoked).
   */
  public record Item(
      long id,
      int position,
      @Nullable Long proposalId,
      @Nullable Long nomineeId,
      @Nullable Long targetAwardId,
      Recipient recipient,
      @Nullable Long personId,
      String unitCode,
      @Nullable String householdName,
      String recipientName,
      String awardCode,
      int awardYear,
      @Nullable String achievement,
      @Nullable Long awardId,
      @Nullable Long amountVnd,
      @Nullable Standing standing,
      @Nullable String changedByNumber) {}

  public boolean issued() {
    return status == Status.ISSUED;
  }

  public boolean published() {
    return publishedAt != null;
  }

  /** The ids of the awards this decision created, in line order. */
  public List<Long> awardIds() {
    return items.stream().map(Item::awardId).filter(java.util.Objects::nonNull).toList();
  }
}
