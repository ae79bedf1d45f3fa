package org.laurel.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A unit as of a date: its parent is the one valid on that date. */
public record UnitView(
    long id,
    String code,
    String name,
    UnitKind kind,
    @Nullable String parentCode,
    LocalDate validFrom,
    @Nullable LocalDate validTo,
    boolean synthetic,
    int version) {

  public boolean validOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
  }
}
