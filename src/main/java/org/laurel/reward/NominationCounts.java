package org.laurel.reward;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How many people of a unit are nominated for an award and a year in proposals and not yet granted
 * it: a quota counts them with those already granted.
 */
@Component
class NominationCounts {

  private final ProposalRepository proposals;

  NominationCounts(ProposalRepository proposals) {
    this.proposals = proposals;
  }

  long nominated(long unitId, String awardCode, int year, @Nullable Long exceptPerson) {
    return proposals.nominatedPeople(unitId, awardCode, year, exceptPerson);
  }
}
