package org.laurel.bloc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A bloc in one year. {@code members} are in name order. */
public record BlocView(
    long id,
    String code,
    String name,
    int year,
    @Nullable String description,
    UnitRef head,
    UnitRef deputy,
    List<UnitRef> members,
    int version) {

  public record UnitRef(long id, String code, String name) {}

  public boolean hasMember(long unitId) {
    return members.stream().anyMatch(m -> m.id() == unitId);
  }
}
