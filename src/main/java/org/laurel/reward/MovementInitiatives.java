package org.laurel.reward;

import java.time.LocalDate;
import java.util.List;
import org.laurel.movement.Initiatives;
import org.laurel.reward.RuleSet.InitiativeLevel;
import org.springframework.stereotype.Component;

/** Recognised initiatives as the movement module publishes them. */
@Component
class MovementInitiatives implements InitiativeSource {

  private final Initiatives initiatives;

  MovementInitiatives(Initiatives initiatives) {
    this.initiatives = initiatives;
  }

  @Override
  public List<Recognised> recognisedFor(long personId, LocalDate from, LocalDate to) {
    return initiatives.recognisedFor(personId, from, to).stream()
        .map(
            i ->
                new Recognised(
                    i.title() + " (" + i.decisionNumber() + ")",
                    InitiativeLevel.valueOf(i.level().name()),
                    i.decisionDate()))
        .toList();
  }
}
