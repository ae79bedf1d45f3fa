package org.laurel.reward;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How many people of a unit are nominated for an award and a year in open proposals. */
@Component
class NominationCounts {

  long nominated(long unitId, String awardCode, int year, @Nullable Long exceptPerson) {
    return 0;
  }
}
