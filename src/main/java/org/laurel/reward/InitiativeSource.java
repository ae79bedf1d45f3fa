package org.laurel.reward;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.laurel.reward.RuleSet.InitiativeLevel;

/**
 * Where the engine learns of a person's recognised initiatives (sáng kiến): the movement module
 * owns them. One lookup per person, or one for a whole batch.
 */
interface InitiativeSource {

  /** A recognised initiative: its title, level and the date of the recognising decision. */
  record Recognised(String title, InitiativeLevel level, LocalDate decisionDate) {}

  List<Recognised> recognisedFor(long personId, LocalDate from, LocalDate to);

  default Map<Long, List<Recognised>> recognisedFor(
      Collection<Long> personIds, LocalDate from, LocalDate to) {
    Map<Long, List<Recognised>> all = new java.util.HashMap<>();
    for (long id : personIds) {
      all.put(id, recognisedFor(id, from, to));
    }
    return all;
  }
}
