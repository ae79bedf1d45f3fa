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
    @Nullable String achievement) {

  /** Where the record came from: a decision made in Laurel, or an import of past years. */
  public enum Source {
    LAUREL,
    IMPORTED
  }
}
