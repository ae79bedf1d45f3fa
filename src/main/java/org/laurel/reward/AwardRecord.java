package org.laurel.reward;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardType.Recipient;

/**
 * One award granted: to a person (with the unit they belonged to), a collective (a unit) or a
 * household (with its commune or ward), for a year's achievements, by a decision.
 */
public record AwardRecord(
    long id,
    Recipient recipient,
    @Nullable Long personId,
    long unitId,
    String unitCode,
    @Nullable String householdName,
    String awardCode,
    int year,
    @Nullable String decisionNumber,
    @Nullable LocalDate decisionDate,
    Source source,
    @Nullable String achievement,
    Standing standing,
    @Nullable Long changedByDecision) {

  /**
   * Whether the award is in force, or was revoked or replaced (corrected) by a later decision
   * ({@code changedByDecision}); the row is kept either way.
   */
  public enum Standing {
    IN_FORCE,
    REVOKED,
    SUPERSEDED
  }

  /** Where the record came from: a decision made in Laurel, or an import of past years. */
  public enum Source {
    LAUREL,
    IMPORTED
  }
}
