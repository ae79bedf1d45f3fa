package org.laurel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.ScoreEngine.Mark;

/**
 * Signals for the secretariat, never acted on automatically: pairs of units that score each other
 * markedly higher than the rest of the bloc scores them, and assessors far from everyone else.
 *
 * <p>Each cross score is taken as a share of the criterion's max. For assessor a and unit u, the
 * lean is a's mean share for u minus the mean share the other assessors gave u. A pair's lean is
 * the mean of a→b and b→a; it is flagged when it stands out from all pairs' (above their mean by
 * twice their standard deviation) and is at least {@link #MIN_LEAN} of the max. An assessor is
 * flagged the same way on the mean of their absolute leans.
 */
final class CollusionSignal {
  private CollusionSignal() {}

  /** Below this (5 % of a criterion's max) a lean is not worth anyone's time. */
  static final double MIN_LEAN = 0.05;

  public record Pair(
      String unitA, String unitB, double aForB, double bForA, double lean, boolean flagged) {}

  public record Assessor(String unit, double meanAbsoluteLean, boolean flagged) {}

  public record Signals(List<Pair> pairs, List<Assessor> assessors) {}

  static Signals compute(List<Mark> marks, Map<String, BigDecimal> maxByCriterion) {
    // share[a][u] = a's mean share of the max for u, over the criteria a scored
    Map<String, Map<String, double[]>> sums = new TreeMap<>();
    for (Mark m : marks) {
      BigDecimal max = maxByCriterion.get(m.criterion());
      if (m.round() != Round.CROSS || m.points() == null || max == null || max.signum() == 0) {
        continue;
      }
      double[] acc =
          sums.computeIfAbsent(m.assessor(), k -> new TreeMap<>())
              .computeIfAbsent(m.unit(), k -> new double[2]);
      acc[0] += m.points().divide(max, 6, RoundingMode.HALF_UP).doubleValue();
      acc[1] += 1;
    }
    Map<String, Map<String, Double>> share = new TreeMap<>();
    sums.forEach(
        (a, byUnit) ->
            byUnit.forEach(
                (u, acc) ->
                    share.computeIfAbsent(a, k -> new TreeMap<>()).put(u, acc[0] / acc[1])));
    Map<String, Map<String, Double>> lean = new TreeMap<>();
    for (var a : share.entrySet()) {
      for (var u : a.getValue().entrySet()) {
        double others = 0;
        int n = 0;
        for (var b : share.entrySet()) {
          Double s = b.getKey().equals(a.getKey()) ? null : b.getValue().get(u.getKey());
          if (s != null) {
            others += s;
            n++;
          }
        }
        if (n > 0) {
          lean.computeIfAbsent(a.getKey(), k -> new TreeMap<>())
              .put(u.getKey(), u.getValue() - others / n);
        }
      }
    }
    List<Pair> pairs = new ArrayList<>();
    TreeSet<String> units = new TreeSet<>(lean.keySet());
    for (String a : units) {
      for (String b : units.tailSet(a, false)) {
        Double ab = lean.get(a).get(b);
        Double ba = lean.getOrDefault(b, Map.of()).get(a);
        if (ab != null && ba != null) {
          pairs.add(new Pair(a, b, round(ab), round(ba), round((ab + ba) / 2), false));
        }
      }
    }
    double[] pairStats = stats(pairs.stream().mapToDouble(Pair::lean).toArray());
    List<Pair> flaggedPairs =
        pairs.stream()
            .map(
                p ->
                    new Pair(
                        p.unitA(),
                        p.unitB(),
                        p.aForB(),
                        p.bForA(),
                        p.lean(),
                        p.lean() >= MIN_LEAN && p.lean() > pairStats[0] + 2 * pairStats[1]))
            .sorted(Comparator.comparingDouble(Pair::lean).reversed())
            .toList();
    Map<String, Double> meanAbs = new HashMap<>();
    lean.forEach(
        (a, byUnit) ->
            meanAbs.put(a, byUnit.values().stream().mapToDouble(Math::abs).average().orElse(0)));
    double[] assessorStats = stats(meanAbs.values().stream().mapToDouble(d -> d).toArray());
    List<Assessor> assessors =
        meanAbs.entrySet().stream()
            .map(
                e ->
                    new Assessor(
                        e.getKey(),
                        round(e.getValue()),
                        e.getValue() >= MIN_LEAN
                            && e.getValue() > assessorStats[0] + 2 * assessorStats[1]))
            .sorted(Comparator.comparingDouble(Assessor::meanAbsoluteLean).reversed())
            .toList();
    return new Signals(flaggedPairs, assessors);
  }

  /** Mean and (population) standard deviation. */
  private static double[] stats(double[] xs) {
    if (xs.length == 0) {
      return new double[] {0, 0};
    }
    double mean = java.util.Arrays.stream(xs).average().orElse(0);
    double var = java.util.Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).average().orElse(0);
    return new double[] {mean, Math.sqrt(var)};
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
