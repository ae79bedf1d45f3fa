package org.laurel.movement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A unit's registration for a movement: titles aimed for, own targets, people entered. */
public record RegistrationView(
    long id,
    long movementId,
    String unitCode,
    String unitName,
    List<String> titles,
    List<Target> targets,
    List<Entrant> people,
    @Nullable String note,
    Instant registeredAt,
    String registeredBy,
    int version) {

  public record Target(String indicatorCode, BigDecimal target) {}

  /** A person registered for an individual title. */
  public record Entrant(long personId, String fullName, String title) {}
}
