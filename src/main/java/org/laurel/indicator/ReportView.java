package org.laurel.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One unit's report for one period, with each indicator's value beside last year's and the
 * estimate.
 */
public record ReportView(
    @Nullable Long id,
    String unit,
    String unitName,
    String period,
    Status status,
    Source source,
    @Nullable Instant submittedAt,
    @Nullable String submittedBy,
    @Nullable Instant decidedAt,
    @Nullable String decidedBy,
    @Nullable String reason,
    boolean reopened,
    @Nullable LocalDate dueDate,
    boolean locked,
    List<Line> lines,
    int version) {

  public enum Status {
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    RETURNED
  }

  public enum Source {
    ENTRY,
    IMPORT
  }

  public record Line(
      String indicator,
      String name,
      Indicator.Measure measure,
      boolean required,
      @Nullable BigDecimal value,
      @Nullable String comment,
      @Nullable BigDecimal lastYear,
      @Nullable BigDecimal estimate) {}
}
