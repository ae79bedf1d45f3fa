package org.laurel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Mark;

/**
 * Signals for the secretariat, never acted on automatically: pairs of units that score each other
 * markedly higher than the rest of the bloc scores them, and assessors far from everyone else.
 *
 * <p>The rule, leave-one-out. A score counts as its share of the criterion's max, and an assessor's
 * view of a unit is its mean share over the criteria it scored for that unit (cross round; the
 * council's scores of the same unit count as one more other assessor; self-assessments never
 * count). For an assessor a and a unit u, the others are every assessor of u except a: their mean m
 * and sample standard deviation s are a's reference. a's lean for u is its view minus m; its spread
 * is s, but at least {@link #MIN_SPREAD} (5 % of the max), so that tiny differences between
 * agreeing assessors never flag. With fewer than {@link #MIN_OTHERS} others there is no reference
 * and no signal ("not enough assessors"). A pair's lean and spread are the means of its two
 * directions; the pair is flagged when its lean is at least {@link #K} (2) times its spread. An
 * assessor's distance is the mean of its absolute leans over the units it scored with enough
 * others, its spread the mean of their spreads; it is flagged when the distance is at least twice
 * the spread. Nothing is compared with the spread of the very value under test, so one outlier
 * among three, four or five assessors can stand out (a mean + 2 SD rule over all values cannot: one
 * value among n is at most √(n − 1) standard deviations from their mean).
 */
final class CollusionSignal {
  private CollusionSignal() {}

  /** The least spread a reference is taken to have: 5 % of a criterion's max. */
  static final double MIN_SPREAD = 0.05;

  /** Fewer other assessors than this give no reference. */
  static final int MIN_OTHERS = 2;

  /** A lean is marked when it is at least this many spreads. */
  static final double K = 2;

  /**
   * A pair; {@code aForB} is how much higher A scores B than B's other assessors do (share of the
   * max), {@code lean} and {@code spread} the means of both directions; all null when either
   * direction has fewer than {@link #MIN_OTHERS} other assessors ({@code enoughAssessors} false).
   */
  public record Pair(
      String unitA,
      String unitB,
      @Nullable Double aForB,
      @Nullable Double bForA,
      @Nullable Double lean,
      @Nullable Double spread,
      boolean enoughAssessors,
      boolean flagged) {}

  /**
   * An assessor: the mean distance of its scores from the other assessors' of the same units, over
   * {@code units} units; null when no unit it scored has enough other assessors.
   */
  public record Assessor(
      String unit,
      @Nullable Double meanAbsoluteLean,
      @Nullable Double spread,
      int units,
      boolean enoughAssessors,
      boolean flagged) {}

  public record Signals(
      List<Pair> pairs,
      List<Assessor> assessors,
      double minSpread,
      int minOtherAssessors,
      double factor) {}

  /** A directed lean: view minus the others' mean, and the others' (floored) spread. */
  private record Lean(double lean, double spread) {}

  static Signals compute(List<Mark> marks, Map<String, BigDecimal> maxByCriterion) {
    // view[u][a] = a's mean share of the max for u, over the criteria a scored
    Map<String, Map<String, double[]>> sums = new TreeMap<>();
    TreeSet<String> crossAssessors = new TreeSet<>();
    for (Mark m : marks) {
      BigDecimal max = maxByCriterion.get(m.criterion());
      if (m.round() == Round.SELF || m.points() == null || max == null || max.signum() == 0) {
        continue;
      }
      String who = m.round() == Round.CROSS ? m.assessor() : "\u0000" + m.assessor();
      if (m.round() == Round.CROSS) {
        crossAssessors.add(m.assessor());
      }
      double[] acc =
          sums.computeIfAbsent(m.unit(), k -> new TreeMap<>())
              .computeIfAbsent(who, k -> new double[2]);
      acc[0] += m.points().divide(max, 6, RoundingMode.HALF_UP).doubleValue();
      acc[1] += 1;
    }
    Map<String, Map<String, Double>> view = new TreeMap<>();
    sums.forEach(
        (u, byAssessor) ->
            byAssessor.forEach(
                (a, acc) -> view.computeIfAbsent(u, k -> new TreeMap<>()).put(a, acc[0] / acc[1])));
    // lean[a][u], only where a is a cross assessor of u
    Map<String, Map<String, @Nullable Lean>> lean = new TreeMap<>();
    view.forEach(
        (u, byAssessor) ->
            byAssessor.forEach(
                (a, x) -> {
                  if (crossAssessors.contains(a)) {
                    lean.computeIfAbsent(a, k -> new TreeMap<>())
                        .put(u, leaveOneOut(byAssessor, a));
                  }
                }));
    List<Pair> pairs = new ArrayList<>();
    TreeSet<String> units = new TreeSet<>(lean.keySet());
    for (String a : units) {
      for (String b : units.tailSet(a, false)) {
        Map<String, @Nullable Lean> ofA = lean.get(a);
        Map<String, @Nullable Lean> ofB = lean.get(b);
        if (!ofA.containsKey(b) || !ofB.containsKey(a)) {
          continue;
        }
        Lean ab = ofA.get(b);
        Lean ba = ofB.get(a);
        if (ab == null || ba == null) {
          pairs.add(
              new Pair(
                  a,
                  b,
                  ab == null ? null : round(ab.lean()),
                  ba == null ? null : round(ba.lean()),
                  null,
                  null,
                  false,
                  false));
          continue;
        }
        double l = (ab.lean() + ba.lean()) / 2;
        double s = (ab.spread() + ba.spread()) / 2;
        pairs.add(
            new Pair(
                a, b, round(ab.lean()), round(ba.lean()), round(l), round(s), true, marked(l, s)));
      }
    }
    pairs.sort(
        Comparator.comparing(Pair::lean, Comparator.nullsLast(Comparator.<Double>reverseOrder())));
    List<Assessor> assessors = new ArrayList<>();
    lean.forEach(
        (a, byUnit) -> {
          double distance = 0;
          double spread = 0;
          int n = 0;
          for (Lean l : byUnit.values()) {
            if (l != null) {
              distance += Math.abs(l.lean());
              spread += l.spread();
              n++;
            }
          }
          assessors.add(
              n == 0
                  ? new Assessor(a, null, null, 0, false, false)
                  : new Assessor(
                      a,
                      round(distance / n),
                      round(spread / n),
                      n,
                      true,
                      marked(distance / n, spread / n)));
        });
    assessors.sort(
        Comparator.comparing(
            Assessor::meanAbsoluteLean, Comparator.nullsLast(Comparator.<Double>reverseOrder())));
    return new Signals(pairs, assessors, MIN_SPREAD, MIN_OTHERS, K);
  }

  /** a's view of the unit against the other assessors' views; null with too few of them. */
  private static @Nullable Lean leaveOneOut(Map<String, Double> views, String a) {
    int n = views.size() - 1;
    if (n < MIN_OTHERS) {
      return null;
    }
    double sum = 0;
    for (var e : views.entrySet()) {
      if (!e.getKey().equals(a)) {
        sum += e.getValue();
      }
    }
    double mean = sum / n;
    double squares = 0;
    for (var e : views.entrySet()) {
      if (!e.getKey().equals(a)) {
        squares += (e.getValue() - mean) * (e.getValue() - mean);
      }
    }
    double sd = Math.sqrt(squares / (n - 1));
    return new Lean(views.get(a) - mean, Math.max(sd, MIN_SPREAD));
  }

  /** At least K spreads, with a hair of slack for binary fractions (0.1 vs 2 × 0.05). */
  private static boolean marked(double lean, double spread) {
    return lean >= K * spread - 1e-9;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
