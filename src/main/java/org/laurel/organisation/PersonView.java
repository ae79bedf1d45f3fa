package org.laurel.organisation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An individual in the registry, with the unit they belong to. */
public record PersonView(
    long id,
    String unitCode,
    String unitName,
    String fullName,
    @Nullable String position,
    @Nullable Gender gender,
    @Nullable LocalDate birthDate,
    boolean active,
    int version) {

  public enum Gender {
    FEMALE,
    MALE
  }
}
