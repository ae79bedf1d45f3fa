package org.laurel.bloc;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An Emulation and Reward Council at one level, with its members over their terms. */
public record CouncilView(
    long id,
    String code,
    String name,
    String levelUnitCode,
    String levelUnitName,
    LocalDate termStart,
    @Nullable LocalDate termEnd,
    List<Member> members,
    int version) {

  public enum CouncilRole {
    CHAIR,
    VICE_CHAIR,
    STANDING_MEMBER,
    MEMBER,
    SECRETARY
  }

  public record Member(
      long id,
      long personId,
      String fullName,
      @Nullable String position,
      String unitCode,
      CouncilRole role,
      LocalDate termFrom,
      @Nullable LocalDate termTo,
      int version) {

    public boolean activeOn(LocalDate day) {
      return !termFrom.isAfter(day) && (termTo == null || !termTo.isBefore(day));
    }
  }

  /** Members serving on {@code day}: the body that votes that day. */
  public List<Member> membersOn(LocalDate day) {
    return members.stream().filter(m -> m.activeOn(day)).toList();
  }
}
