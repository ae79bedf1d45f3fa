package org.laurel.indicator;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bloc's figures for one period, per indicator: totals as the indicator aggregates, the year's
 * estimate, percent of it, the same period last year and growth; and the same per member. A figure
 * that cannot be computed is null.
 */
public record BlocSummary(
    String period, long blocId, String bloc, int year, List<IndicatorFigures> indicators) {

  public record IndicatorFigures(
      String indicator,
      String name,
      Indicator.Measure measure,
      Indicator.Aggregation aggregation,
      Indicator.Direction direction,
      @Nullable BigDecimal total,
      @Nullable BigDecimal estimate,
      @Nullable BigDecimal percentOfEstimate,
      @Nullable BigDecimal samePeriodLastYear,
      @Nullable BigDecimal growthPercent,
      int reported,
      List<MemberFigures> members) {}

  public record MemberFigures(
      String unit,
      String name,
      @Nullable BigDecimal value,
      @Nullable BigDecimal estimate,
      @Nullable BigDecimal percentOfEstimate,
      @Nullable BigDecimal samePeriodLastYear,
      @Nullable BigDecimal growthPercent,
      @Nullable Integer rank,
      List<Source> samePeriodLastYearFrom) {}

  /**
   * Where a same-period-last-year figure came from when the unit did not exist then: its
   * predecessors and the share of each.
   */
  public record Source(String unit, BigDecimal share, @Nullable BigDecimal value) {}
}
