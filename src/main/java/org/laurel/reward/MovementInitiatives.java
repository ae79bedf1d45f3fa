package org.laurel.reward;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Recognised initiatives, as the movement module will publish them ({@code
 * org.laurel.movement.Initiatives#recognisedFor}). Until that module is merged, none are known:
 * initiative conditions are then not met.
 */
@Component
class MovementInitiatives implements InitiativeSource {

  @Override
  public List<Recognised> recognisedFor(long personId, LocalDate from, LocalDate to) {
    return List.of();
  }
}
