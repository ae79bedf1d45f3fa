package org.laurel.reward;

import java.util.Set;

/**
 * Where a proposal stands: draft → submitted → received by the secretariat → eligibility review →
 * public notice → ready for the council → voted by the council (each nominee approved or rejected)
 * → decided (a decision granted the approved nominees). The secretariat may return it to draft from
 * any step after submission up to the notice, always with a reason.
 */
public enum ProposalStatus {
  DRAFT,
  SUBMITTED,
  RECEIVED,
  IN_REVIEW,
  PUBLIC_NOTICE,
  READY_FOR_COUNCIL,
  COUNCIL_VOTED,
  DECIDED;

  /** The steps that lead on from here (returns excluded). */
  ProposalStatus next() {
    return switch (this) {
      case DRAFT -> SUBMITTED;
      case SUBMITTED -> RECEIVED;
      case RECEIVED -> IN_REVIEW;
      case IN_REVIEW -> PUBLIC_NOTICE;
      case PUBLIC_NOTICE -> READY_FOR_COUNCIL;
      case READY_FOR_COUNCIL -> COUNCIL_VOTED;
      case COUNCIL_VOTED, DECIDED -> DECIDED;
    };
  }

  /** From where the secretariat may return a proposal to its unit. */
  static final Set<ProposalStatus> RETURNABLE =
      Set.of(SUBMITTED, RECEIVED, IN_REVIEW, PUBLIC_NOTICE);
}
