package org.laurel.movement;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An initiative as reward eligibility sees it: who wrote it, in which unit and field, and the
 * decision that recognised it (number, date, level). {@code scope} is its scope of effect.
 */
public record RecognisedInitiative(
    long id,
    String title,
    long unitId,
    List<Long> authorPersonIds,
    String field,
    String decisionNumber,
    LocalDate decisionDate,
    Level level,
    @Nullable String scope) {

  /** The level of the body that recognised the initiative. */
  public enum Level {
    GRASSROOTS,
    PROVINCIAL,
    NATIONAL
  }
}
