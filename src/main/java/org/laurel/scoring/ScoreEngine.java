package org.laurel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.scoring.PactDefinition.Band;
import org.laurel.scoring.PactDefinition.Criterion;
import org.laurel.scoring.PactDefinition.Group;
import org.laurel.scoring.PactDefinition.Measure;
import org.laurel.scoring.PactDefinition.Method;
import org.laurel.scoring.PactDefinition.Round;
import org.laurel.scoring.PactDefinition.Rule;
import org.laurel.scoring.PactDefinition.Step;

/**
 * The arithmetic of a pact, pure and deterministic: no Spring, no SQL, no clock. Given the same
 * inputs it gives the same results, whatever the order of units, marks or items.
 *
 * <ul>
 *   <li>Percentages and points have two decimals (half up); a round's mean too.
 *   <li>Indicator criteria: achievement = value / estimate × 100 (estimate / value × 100 when lower
 *       is better); growth = (value / last year − 1) × 100 (the reduction, (1 − value / last year)
 *       × 100, when lower is better). Bands or the linear rule give the base, capped to [0, max];
 *       the bonus is added when the percentage is above its threshold. No figure: 0 points.
 *   <li>Manual criteria: per round the mean of the submitted scores (abstentions leave the
 *       denominator; with the trimmed mean and at least 5 scores the lowest and the highest are
 *       dropped), then the weighted mean over the rounds that have scores.
 *   <li>Bonus and penalty: the sum of the items, capped at the criterion's max, added or
 *       subtracted.
 *   <li>Ranking: by total, then the tie-break chain (criterion or group codes, or {@code COUNCIL}
 *       for the sum of the council round's means); units equal on all of them share a rank
 *       (competition ranking 1, 1, 3). Never by name or code.
 * </ul>
 */
final class ScoreEngine {

  private ScoreEngine() {}

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  record UnitIn(String code, String name) {}

  /** A unit's figures for an indicator criterion; any may be missing. */
  record Figures(
      @Nullable BigDecimal value,
      @Nullable BigDecimal estimate,
      @Nullable BigDecimal lastYear,
      boolean lowerIsBetter) {}

  /** One assessor's score of one unit on one criterion in one round; null points = abstention. */
  record Mark(
      Round round,
      String assessor,
      String unit,
      String criterion,
      @Nullable BigDecimal points,
      @Nullable String comment) {}

  record Item(String unit, String criterion, BigDecimal points, String reason) {}

  /** Figures by unit code, then criterion code. */
  record Inputs(
      PactDefinition pact,
      int year,
      List<UnitIn> units,
      Map<String, Map<String, Figures>> figures,
      List<Mark> marks,
      List<Item> items) {}

  record Result(
      String unit,
      String name,
      BigDecimal total,
      int rank,
      String classification,
      Explanation explanation) {}

  record Explanation(
      String unit,
      BigDecimal total,
      String classification,
      List<Line> criteria,
      Map<String, BigDecimal> tieBreak) {}

  record Line(
      String group,
      String criterion,
      String name,
      Method method,
      BigDecimal max,
      BigDecimal points,
      @Nullable IndicatorPart indicator,
      @Nullable List<RoundPart> rounds,
      @Nullable List<ItemPart> items,
      @Nullable String note) {}

  record IndicatorPart(
      String indicator,
      String period,
      Measure measure,
      @Nullable BigDecimal value,
      @Nullable BigDecimal estimate,
      @Nullable BigDecimal lastYear,
      @Nullable BigDecimal percent,
      String rule,
      BigDecimal base,
      BigDecimal bonus) {}

  record RoundPart(
      Round round,
      BigDecimal weight,
      List<Score> scores,
      List<String> abstained,
      List<String> dropped,
      @Nullable BigDecimal mean) {}

  record Score(String assessor, BigDecimal points, @Nullable String comment) {}

  record ItemPart(BigDecimal points, String reason) {}

  static List<Result> compute(Inputs in) {
    PactDefinition pact = in.pact();
    Map<String, List<Mark>> marksByUnitCriterion = new HashMap<>();
    for (Mark m : in.marks()) {
      marksByUnitCriterion
          .computeIfAbsent(m.unit() + "\u0000" + m.criterion(), k -> new ArrayList<>())
          .add(m);
    }
    Map<String, List<Item>> itemsByUnitCriterion = new HashMap<>();
    for (Item i : in.items()) {
      itemsByUnitCriterion
          .computeIfAbsent(i.unit() + "\u0000" + i.criterion(), k -> new ArrayList<>())
          .add(i);
    }
    record Scored(UnitIn unit, BigDecimal total, List<BigDecimal> key, Explanation explanation) {}
    List<Scored> scored = new ArrayList<>();
    for (UnitIn u : in.units()) {
      List<Line> lines = new ArrayList<>();
      Map<String, BigDecimal> groupTotals = new HashMap<>();
      Map<String, BigDecimal> criterionPoints = new HashMap<>();
      BigDecimal council = BigDecimal.ZERO;
      BigDecimal total = BigDecimal.ZERO;
      for (Group g : pact.groups()) {
        for (Criterion c : g.criteria()) {
          String key = u.code() + "\u0000" + c.code();
          Line line =
              switch (c.method()) {
                case INDICATOR -> {
                  Figures f = in.figures().getOrDefault(u.code(), Map.of()).get(c.code());
                  String period = c.period() == null ? Integer.toString(in.year()) : c.period();
                  IndicatorPart p = indicator(c, period, f);
                  yield new Line(
                      g.code(),
                      c.code(),
                      c.name(),
                      c.method(),
                      c.maxPoints(),
                      p.base().add(p.bonus()),
                      p,
                      null,
                      null,
                      p.percent() == null ? "no accepted figure to compute a percentage" : null);
                }
                case MANUAL -> {
                  List<RoundPart> rounds =
                      rounds(pact, marksByUnitCriterion.getOrDefault(key, List.of()));
                  BigDecimal pts = weighted(rounds);
                  yield new Line(
                      g.code(),
                      c.code(),
                      c.name(),
                      c.method(),
                      c.maxPoints(),
                      pts.min(c.maxPoints()),
                      null,
                      rounds,
                      null,
                      rounds.stream().allMatch(r -> r.mean() == null)
                          ? "no submitted scores"
                          : null);
                }
                case BONUS, PENALTY -> {
                  List<Item> items =
                      new ArrayList<>(itemsByUnitCriterion.getOrDefault(key, List.of()));
                  items.sort(
                      Comparator.comparing(Item::points).thenComparing(Item::reason).reversed());
                  BigDecimal sum =
                      items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                  BigDecimal capped = sum.min(c.maxPoints());
                  yield new Line(
                      g.code(),
                      c.code(),
                      c.name(),
                      c.method(),
                      c.maxPoints(),
                      scale(c.method() == Method.PENALTY ? capped.negate() : capped),
                      null,
                      null,
                      items.stream().map(i -> new ItemPart(i.points(), i.reason())).toList(),
                      sum.compareTo(c.maxPoints()) > 0
                          ? "capped at " + plain(c.maxPoints())
                          : null);
                }
              };
          if (line.rounds() != null) {
            for (RoundPart r : line.rounds()) {
              if (r.round() == Round.COUNCIL && r.mean() != null) {
                council = council.add(r.mean());
              }
            }
          }
          lines.add(line);
          criterionPoints.put(c.code(), line.points());
          groupTotals.merge(g.code(), line.points(), BigDecimal::add);
          total = total.add(line.points());
        }
      }
      total = scale(total);
      Map<String, BigDecimal> tie = new LinkedHashMap<>();
      List<BigDecimal> key = new ArrayList<>();
      key.add(total);
      for (String t : pact.tieBreakChain()) {
        BigDecimal v =
            PactDefinition.COUNCIL.equals(t)
                ? council
                : criterionPoints.containsKey(t)
                    ? criterionPoints.get(t)
                    : groupTotals.getOrDefault(t, BigDecimal.ZERO);
        v = scale(v);
        tie.put(t, v);
        key.add(v);
      }
      String cls = classify(pact.classification(), pact.otherwise(), total);
      scored.add(new Scored(u, total, key, new Explanation(u.code(), total, cls, lines, tie)));
    }
    Comparator<List<BigDecimal>> better = ScoreEngine::compareKeys;
    List<Scored> sorted = new ArrayList<>(scored);
    sorted.sort((a, b) -> better.compare(b.key(), a.key()));
    List<Result> out = new ArrayList<>();
    int rank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Scored s = sorted.get(i);
      if (i == 0 || compareKeys(sorted.get(i - 1).key(), s.key()) != 0) {
        rank = i + 1;
      }
      out.add(
          new Result(
              s.unit().code(),
              s.unit().name(),
              s.total(),
              rank,
              s.explanation().classification(),
              s.explanation()));
    }
    // within a shared rank the order is only for display
    out.sort(Comparator.comparingInt(Result::rank).thenComparing(Result::unit));
    return out;
  }

  static int compareKeys(List<BigDecimal> a, List<BigDecimal> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static String classify(List<Band> bands, String otherwise, BigDecimal total) {
    return bands.stream()
        .sorted(Comparator.comparing(Band::min).reversed())
        .filter(b -> total.compareTo(b.min()) >= 0)
        .map(Band::label)
        .findFirst()
        .orElse(otherwise);
  }

  // ---- indicator criteria

  static IndicatorPart indicator(Criterion c, String period, @Nullable Figures f) {
    Rule rule = c.rule();
    Measure measure = c.measure() == null ? Measure.ACHIEVEMENT : c.measure();
    String indicator = c.indicator() == null ? "" : c.indicator();
    BigDecimal pct = f == null ? null : percent(measure, f);
    String text = describe(rule, c.maxPoints());
    if (pct == null || rule == null) {
      return new IndicatorPart(
          indicator,
          period,
          measure,
          f == null ? null : f.value(),
          f == null ? null : f.estimate(),
          f == null ? null : f.lastYear(),
          pct,
          text,
          scale(BigDecimal.ZERO),
          scale(BigDecimal.ZERO));
    }
    BigDecimal base = base(rule, c.maxPoints(), pct);
    BigDecimal bonus =
        rule.bonusAbove() != null
                && rule.bonusPoints() != null
                && pct.compareTo(rule.bonusAbove()) > 0
            ? rule.bonusPoints()
            : BigDecimal.ZERO;
    return new IndicatorPart(
        indicator,
        period,
        measure,
        f.value(),
        f.estimate(),
        f.lastYear(),
        pct,
        text,
        scale(base),
        scale(bonus));
  }

  /** The percentage the rule is applied to; null when it cannot be computed. */
  static @Nullable BigDecimal percent(Measure measure, Figures f) {
    BigDecimal v = f.value();
    BigDecimal of = measure == Measure.ACHIEVEMENT ? f.estimate() : f.lastYear();
    if (v == null || of == null || of.signum() == 0) {
      return null;
    }
    if (measure == Measure.ACHIEVEMENT) {
      if (f.lowerIsBetter()) {
        return v.signum() == 0 ? null : of.multiply(HUNDRED).divide(v, 2, RoundingMode.HALF_UP);
      }
      return v.multiply(HUNDRED).divide(of, 2, RoundingMode.HALF_UP);
    }
    BigDecimal ratio = v.multiply(HUNDRED).divide(of, 2, RoundingMode.HALF_UP);
    return f.lowerIsBetter() ? HUNDRED.subtract(ratio) : ratio.subtract(HUNDRED);
  }

  /** Points before the bonus: bands or linear, within [0, max]. */
  static BigDecimal base(Rule rule, BigDecimal max, BigDecimal pct) {
    BigDecimal pts;
    if (rule.bands() != null && !rule.bands().isEmpty()) {
      pts = BigDecimal.ZERO;
      for (Step s : rule.bands().stream().sorted(Comparator.comparing(Step::from)).toList()) {
        if (pct.compareTo(s.from()) >= 0) {
          pts = s.points();
        }
      }
    } else if (rule.fullAt() != null) {
      BigDecimal shortBy = rule.fullAt().subtract(pct);
      BigDecimal per = rule.minusPerPercent() == null ? BigDecimal.ZERO : rule.minusPerPercent();
      pts = shortBy.signum() <= 0 ? max : max.subtract(per.multiply(shortBy));
    } else {
      pts = BigDecimal.ZERO;
    }
    return scale(pts.max(BigDecimal.ZERO).min(max));
  }

  static String describe(@Nullable Rule rule, BigDecimal max) {
    if (rule == null) {
      return "no rule";
    }
    StringBuilder sb = new StringBuilder();
    if (rule.bands() != null && !rule.bands().isEmpty()) {
      sb.append("bands:");
      for (Step s : rule.bands().stream().sorted(Comparator.comparing(Step::from)).toList()) {
        sb.append(" ≥ ")
            .append(plain(s.from()))
            .append(" % → ")
            .append(plain(s.points()))
            .append(";");
      }
      sb.setLength(sb.length() - 1);
    } else if (rule.fullAt() != null) {
      sb.append("linear: ")
          .append(plain(max))
          .append(" at ≥ ")
          .append(plain(rule.fullAt()))
          .append(" %, minus ")
          .append(plain(rule.minusPerPercent() == null ? BigDecimal.ZERO : rule.minusPerPercent()))
          .append(" per 1 % short, floor 0");
    }
    if (rule.bonusAbove() != null && rule.bonusPoints() != null) {
      sb.append("; bonus ")
          .append(plain(rule.bonusPoints()))
          .append(" above ")
          .append(plain(rule.bonusAbove()))
          .append(" %");
    }
    return sb.toString();
  }

  // ---- manual criteria

  static List<RoundPart> rounds(PactDefinition pact, List<Mark> marks) {
    List<RoundPart> out = new ArrayList<>();
    for (Round r : Round.values()) {
      List<Mark> of =
          marks.stream()
              .filter(m -> m.round() == r)
              .sorted(Comparator.comparing(Mark::assessor))
              .toList();
      List<Score> scores =
          of.stream()
              .filter(m -> m.points() != null)
              .map(m -> new Score(m.assessor(), m.points(), m.comment()))
              .toList();
      List<String> abstained =
          of.stream().filter(m -> m.points() == null).map(Mark::assessor).toList();
      List<String> dropped = new ArrayList<>();
      List<Score> counted = scores;
      if (pact.trimmedMean() && scores.size() >= 5) {
        List<Score> byPoints =
            scores.stream()
                .sorted(Comparator.comparing(Score::points).thenComparing(Score::assessor))
                .toList();
        dropped.add(byPoints.get(0).assessor());
        dropped.add(byPoints.get(byPoints.size() - 1).assessor());
        counted = byPoints.subList(1, byPoints.size() - 1);
      }
      out.add(
          new RoundPart(
              r,
              pact.weights().of(r),
              scores,
              abstained,
              dropped,
              mean(counted.stream().map(Score::points).toList())));
    }
    return out;
  }

  static @Nullable BigDecimal mean(List<BigDecimal> xs) {
    if (xs.isEmpty()) {
      return null;
    }
    BigDecimal sum = xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(xs.size()), 2, RoundingMode.HALF_UP);
  }

  /** Weighted mean over the rounds that have a mean and a weight; 0 when none has. */
  static BigDecimal weighted(List<RoundPart> rounds) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (RoundPart r : rounds) {
      if (r.mean() != null && r.weight().signum() > 0) {
        sum = sum.add(r.weight().multiply(r.mean()));
        weights = weights.add(r.weight());
      }
    }
    return weights.signum() == 0
        ? scale(BigDecimal.ZERO)
        : sum.divide(weights, 2, RoundingMode.HALF_UP);
  }

  static BigDecimal scale(BigDecimal b) {
    return b.setScale(2, RoundingMode.HALF_UP);
  }

  static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
