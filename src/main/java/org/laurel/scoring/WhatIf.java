package org.laurel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.ScoreEngine.Figures;
import org.laurel.scoring.ScoreEngine.Inputs;
import org.laurel.scoring.ScoreEngine.Mark;
import org.laurel.scoring.ScoreEngine.Result;

/**
 * What would it take? For a unit and a target rank, the smallest change in one named manual
 * criterion (every assessor's score of the unit raised by the same number of points, up to the max)
 * or one named indicator figure, that is one indicator in one period (the unit's figure of that
 * period in every criterion that uses the indicator for that period; the figures of other periods,
 * e.g. the whole year beside the first half, stay as reported: they are separate reports) that
 * reaches the rank. Found by re-running the same engine, so weights, caps, bonuses, the rounding of
 * percentages and the tie-break chain all count; the answer is to 0.01 (the smallest figure or
 * raise that reaches the rank; 0.01 less does not).
 */
final class WhatIf {
  private WhatIf() {}

  /**
   * The answer; {@code needed} is null when even the most the criterion allows does not suffice.
   */
  record Answer(
      String unit,
      String changing,
      @Nullable String period,
      int targetRank,
      int currentRank,
      BigDecimal currentTotal,
      boolean reachable,
      @Nullable BigDecimal currentValue,
      @Nullable BigDecimal needed,
      @Nullable Integer newRank,
      @Nullable BigDecimal newTotal) {}

  private static final BigDecimal STEP = new BigDecimal("0.01");

  /** Raises every mark of the unit on the manual criterion by {@code delta}, up to its max. */
  static Answer criterion(Inputs in, String unit, int target, Criterion c) {
    Function<BigDecimal, Inputs> raise =
        delta ->
            new Inputs(
                in.pact(),
                in.year(),
                in.units(),
                in.figures(),
                in.marks().stream()
                    .map(
                        m ->
                            m.unit().equals(unit)
                                    && m.criterion().equals(c.code())
                                    && m.points() != null
                                ? new Mark(
                                    m.round(),
                                    m.assessor(),
                                    m.unit(),
                                    m.criterion(),
                                    m.points().add(delta).min(c.maxPoints()),
                                    m.comment())
                                : m)
                    .toList(),
                in.items());
    return search(in, unit, target, c.code(), null, null, BigDecimal.ZERO, c.maxPoints(), raise);
  }

  /** The period a criterion's indicator figure is taken for: its own, or the pact's year. */
  static String periodOf(Criterion c, int year) {
    return c.period() == null ? Integer.toString(year) : c.period();
  }

  /**
   * Moves the unit's figure of the indicator for the period (in every criterion that uses the
   * indicator for that period, and only those) toward better: up when higher is better, down when
   * lower is. Searches up to ten times the present figure.
   */
  static Answer indicator(Inputs in, String unit, int target, String indicator, String period) {
    List<Criterion> using =
        in.pact().criteria().stream()
            .filter(
                c ->
                    c.method() == Method.INDICATOR
                        && indicator.equals(c.indicator())
                        && period.equals(periodOf(c, in.year())))
            .toList();
    Map<String, Figures> mine = in.figures().getOrDefault(unit, Map.of());
    Figures f = using.isEmpty() ? null : mine.get(using.get(0).code());
    if (f == null || f.value() == null) {
      Result now = find(ScoreEngine.compute(in), unit);
      return new Answer(
          unit, indicator, period, target, now.rank(), now.total(), false, null, null, null, null);
    }
    BigDecimal current = f.value();
    boolean lower = f.lowerIsBetter();
    BigDecimal bound =
        lower ? BigDecimal.ZERO : current.abs().max(BigDecimal.ONE).multiply(BigDecimal.TEN);
    Function<BigDecimal, Inputs> move =
        delta -> withFigure(in, unit, using, lower ? current.subtract(delta) : current.add(delta));
    BigDecimal range = lower ? current.subtract(bound) : bound.subtract(current);
    Answer a = search(in, unit, target, indicator, period, current, BigDecimal.ZERO, range, move);
    if (!a.reachable() || a.needed() == null) {
      return a;
    }
    // report the figure to reach, not the change
    BigDecimal value = lower ? current.subtract(a.needed()) : current.add(a.needed());
    return new Answer(
        a.unit(),
        a.changing(),
        period,
        a.targetRank(),
        a.currentRank(),
        a.currentTotal(),
        true,
        current,
        value,
        a.newRank(),
        a.newTotal());
  }

  /** The inputs with the unit's figure {@code value} in the given criteria, all else as it is. */
  static Inputs withFigure(Inputs in, String unit, List<Criterion> criteria, BigDecimal value) {
    Map<String, Figures> mine = in.figures().getOrDefault(unit, Map.of());
    Map<String, Map<String, Figures>> figures = new HashMap<>(in.figures());
    Map<String, Figures> changed = new HashMap<>(mine);
    for (Criterion c : criteria) {
      Figures old = mine.get(c.code());
      if (old != null) {
        changed.put(
            c.code(), new Figures(value, old.estimate(), old.lastYear(), old.lowerIsBetter()));
      }
    }
    figures.put(unit, changed);
    return new Inputs(in.pact(), in.year(), in.units(), figures, in.marks(), in.items());
  }

  /**
   * The smallest change in [lo, hi] (to 0.01) whose result ranks the unit at the target or better.
   */
  private static Answer search(
      Inputs in,
      String unit,
      int target,
      String changing,
      @Nullable String period,
      @Nullable BigDecimal currentValue,
      BigDecimal lo,
      BigDecimal hi,
      Function<BigDecimal, Inputs> change) {
    Result now = find(ScoreEngine.compute(in), unit);
    if (now.rank() <= target) {
      return new Answer(
          unit,
          changing,
          period,
          target,
          now.rank(),
          now.total(),
          true,
          currentValue,
          BigDecimal.ZERO,
          now.rank(),
          now.total());
    }
    Result best = find(ScoreEngine.compute(change.apply(hi)), unit);
    if (best.rank() > target) {
      return new Answer(
          unit,
          changing,
          period,
          target,
          now.rank(),
          now.total(),
          false,
          currentValue,
          null,
          best.rank(),
          best.total());
    }
    // points and ranks only move one way as the change grows, so halving the interval finds it
    BigDecimal low = lo;
    BigDecimal high = hi;
    Result atHigh = best;
    while (high.subtract(low).compareTo(STEP) > 0) {
      BigDecimal mid = low.add(high).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
      if (mid.compareTo(low) <= 0 || mid.compareTo(high) >= 0) {
        break;
      }
      Result r = find(ScoreEngine.compute(change.apply(mid)), unit);
      if (r.rank() <= target) {
        high = mid;
        atHigh = r;
      } else {
        low = mid;
      }
    }
    return new Answer(
        unit,
        changing,
        period,
        target,
        now.rank(),
        now.total(),
        true,
        currentValue,
        high.setScale(2, RoundingMode.UP).stripTrailingZeros(),
        atHigh.rank(),
        atHigh.total());
  }

  private static Result find(List<Result> results, String unit) {
    return results.stream().filter(r -> r.unit().equals(unit)).findFirst().orElseThrow();
  }
}
