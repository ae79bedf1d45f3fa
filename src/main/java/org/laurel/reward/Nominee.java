package org.laurel.reward;

import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardType.Recipient;

/**
 * Who is nominated: a person (by registry id), a collective (by unit code) or a household (by name,
 * with the unit code of its commune or ward).
 */
public record Nominee(
    Recipient kind,
    @Nullable Long personId,
    @Nullable String unitCode,
    @Nullable String householdName) {

  public static Nominee person(long id) {
    return new Nominee(Recipient.INDIVIDUAL, id, null, null);
  }

  public static Nominee unit(String code) {
    return new Nominee(Recipient.COLLECTIVE, null, code, null);
  }

  public static Nominee household(String unitCode, String name) {
    return new Nominee(Recipient.HOUSEHOLD, null, unitCode, name);
  }

  /** A stable key: the same nominee twice in one proposal is a duplicate. */
  public String key() {
    return switch (kind) {
      case INDIVIDUAL -> "P" + personId;
      case COLLECTIVE -> "U" + unitCode;
      case HOUSEHOLD -> "H" + unitCode + "/" + householdName;
    };
  }
}
