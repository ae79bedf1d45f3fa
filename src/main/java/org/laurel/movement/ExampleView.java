package org.laurel.movement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An advanced example or new model, with the units that replicate it. */
public record ExampleView(
    long id,
    @Nullable Long movementId,
    @Nullable String movementTitle,
    String unitCode,
    String unitName,
    Kind kind,
    String name,
    @Nullable Long personId,
    String story,
    @Nullable String evidence,
    Status status,
    boolean published,
    Instant nominatedAt,
    List<Replication> replications,
    int version) {

  public enum Kind {
    PERSON,
    COLLECTIVE,
    HOUSEHOLD,
    MODEL
  }

  public enum Status {
    NOMINATED,
    VERIFIED
  }

  /** A unit that took the model up: since when, and with what results. */
  public record Replication(
      long id, String unitCode, String unitName, LocalDate startedOn, @Nullable String results) {}
}
