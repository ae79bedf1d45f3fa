package org.laurel.movement;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.laurel.movement.RecognisedInitiative.Level;

/** An initiative with its unit and authors named, for pages and the API. */
public record InitiativeView(
    long id,
    String title,
    String unitCode,
    String unitName,
    List<Author> authors,
    String field,
    @Nullable String description,
    String decisionNumber,
    LocalDate decisionDate,
    Level level,
    @Nullable String scope,
    int version) {

  public record Author(long personId, String fullName) {}
}
