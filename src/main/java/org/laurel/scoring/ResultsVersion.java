package org.laurel.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A published version of a pact's results in full: each unit's total and rank beside its raw total
 * and raw rank (without the per-assessor normalisation; the same when the pact does not normalise)
 * and the assessors' disagreement per criterion (population standard deviation of the raw scores,
 * all rounds together; absent with fewer than two scores). {@code incompleteReason} says why it was
 * published while expected sheets were not submitted (null when all were).
 */
public record ResultsVersion(
    long pact,
    int version,
    int pactVersion,
    Instant publishedAt,
    boolean normalised,
    List<String> criteria,
    List<UnitResult> rows,
    @Nullable String incompleteReason) {

  public record UnitResult(
      String unit,
      String name,
      BigDecimal total,
      int rank,
      String classification,
      BigDecimal rawTotal,
      int rawRank,
      Map<String, BigDecimal> spread) {}
}
