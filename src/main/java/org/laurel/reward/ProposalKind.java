package org.laurel.reward;

/**
 * Regular (year-end), thematic (by movement), ad-hoc (đột xuất), for dedication (cống hiến), for
 * foreign relations (đối ngoại), or upward to the Prime Minister or the President.
 */
public enum ProposalKind {
  REGULAR,
  THEMATIC,
  AD_HOC,
  DEDICATION,
  FOREIGN_RELATIONS,
  UPWARD
}
