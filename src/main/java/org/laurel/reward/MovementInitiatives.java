package org.laurel.reward;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laurel.movement.Initiatives;
import org.laurel.movement.RecognisedInitiative;
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
        .map(MovementInitiatives::recognised)
        .toList();
  }

  /** A whole batch in one query of the movement module. */
  @Override
  public Map<Long, List<Recognised>> recognisedFor(
      Collection<Long> personIds, LocalDate from, LocalDate to) {
    Map<Long, List<Recognised>> out = new HashMap<>();
    initiatives
        .recognisedFor(personIds, from, to)
        .forEach(
            (person, list) ->
                out.put(person, list.stream().map(MovementInitiatives::recognised).toList()));
    return out;
  }

  private static Recognised recognised(RecognisedInitiative i) {
    return new Recognised(
        i.title() + " (" + i.decisionNumber() + ")",
        InitiativeLevel.valueOf(i.level().name()),
        i.decisionDate());
  }
}
