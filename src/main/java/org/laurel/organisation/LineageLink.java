package org.laurel.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One edge of the lineage graph: on {@code effectiveDate}, {@code share} (0 &lt; share ≤ 1) of the
 * predecessor went into the successor.
 */
public record LineageLink(
    long reorganisationId,
    ReorganisationKind kind,
    LocalDate effectiveDate,
    long predecessorId,
    String predecessorCode,
    String predecessorName,
    long successorId,
    String successorCode,
    String successorName,
    BigDecimal share) {}
