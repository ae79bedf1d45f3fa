package org.laurel.reward;

import java.time.LocalDate;

/**
 * An award was withdrawn by a later decision: revoked, or replaced by a corrected one ({@code
 * superseded}). Its row stays in the history, marked. The certificate module revokes the award's
 * certificate with the decision's number.
 */
public record AwardRevoked(
    long awardId,
    long decisionId,
    String decisionNumber,
    LocalDate decidedOn,
    String reason,
    boolean superseded) {}
