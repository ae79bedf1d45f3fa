package org.laurel.reward;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision was issued: its number, kind, date, the awards it created and those it revoked or
 * replaced. Published in the issuing transaction.
 */
public record DecisionIssued(
    long decisionId,
    String number,
    DecisionView.Kind kind,
    String bodyCode,
    LocalDate decidedOn,
    List<Long> grantedAwardIds,
    List<Long> withdrawnAwardIds) {}
