package org.laurel.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 *   <li>Optional per-assessor z-score normalisation ({@link #normalise}); the raw result (without
 *       it) is computed alongside: raw points, raw total and raw rank.
 *   <li>Disagreement: the population standard deviation of the raw scores, per round and per
 *       criterion (all rounds together).
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
      @Nullable String comment,
      @Nullable String evidence) {

    Mark(
        Round round,
        String assessor,
        String unit,
        String criterion,
        @Nullable BigDecimal points,
        @Nullable String comment) {
      this(round, assessor, unit, criterion, points, comment, null);
    }
  }

  record Item(String unit, String criterion, BigDecimal points, String reason) {}

  /** Figures by unit code, then criterion code. */
  record Inputs(
      PactDefinition pact,
      int year,
      List<UnitIn> units,
      Map<String, Map<String, Figures>> figures,
      List<Mark> marks,
      List<Item> items) {}

  /**
   * A unit's result; {@code rawTotal} and {@code rawRank} are what it would be without the
   * per-assessor normalisation (the same as total and rank when the pact does not normalise).
   */
  record Result(
      String unit,
      String name,
      BigDecimal total,
      int rank,
      String classification,
      Explanation explanation,
      BigDecimal rawTotal,
      int rawRank) {}

  record Explanation(
      String unit,
      BigDecimal total,
      String classification,
      List<Line> criteria,
      Map<String, BigDecimal> tieBreak,
      @Nullable BigDecimal rawTotal,
      @Nullable Integer rawRank) {}

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
      @Nullable String note,
      @Nullable BigDecimal rawPoints,
      @Nullable BigDecimal spread) {}

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
      @Nullable BigDecimal mean,
      @Nullable BigDecimal rawMean,
      @Nullable BigDecimal spread) {}

  /**
   * An assessor's score; {@code normalised} is the score after the per-assessor z-score
   * normalisation, null when the pact does not normalise or the assessor does not qualify.
   */
  record Score(
      String assessor,
      BigDecimal points,
      @Nullable String comment,
      @Nullable BigDecimal normalised,
      @Nullable String evidence) {

    BigDecimal counted() {
      return normalised == null ? points : normalised;
    }
  }

  record ItemPart(BigDecimal points, String reason) {}

  static List<Result> compute(Inputs in) {
    PactDefinition pact = in.pact();
    Map<Mark, BigDecimal> normalised =
        pact.normalise() ? normalise(pact, in.marks()) : new IdentityHashMap<>();
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
    record Scored(
        UnitIn unit,
        BigDecimal total,
        List<BigDecimal> key,
        Explanation explanation,
        BigDecimal rawTotal,
        List<BigDecimal> rawKey) {}
    List<Scored> scored = new ArrayList<>();
    for (UnitIn u : in.units()) {
      List<Line> lines = new ArrayList<>();
      Map<String, BigDecimal> groupTotals = new HashMap<>();
      Map<String, BigDecimal> criterionPoints = new HashMap<>();
      Map<String, BigDecimal> rawGroupTotals = new HashMap<>();
      Map<String, BigDecimal> rawCriterionPoints = new HashMap<>();
      BigDecimal council = BigDecimal.ZERO;
      BigDecimal rawCouncil = BigDecimal.ZERO;
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal rawTotal = BigDecimal.ZERO;
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
                      p.percent() == null ? "no accepted figure to compute a percentage" : null,
                      null,
                      null);
                }
                case MANUAL -> {
                  List<Mark> marks = marksByUnitCriterion.getOrDefault(key, List.of());
                  List<RoundPart> rounds = rounds(pact, marks, normalised);
                  BigDecimal pts = weighted(rounds, RoundPart::mean);
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
                          : null,
                      weighted(rounds, RoundPart::rawMean).min(c.maxPoints()),
                      spread(
                          marks.stream()
                              .map(Mark::points)
                              .filter(java.util.Objects::nonNull)
                              .toList()));
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
                      sum.compareTo(c.maxPoints()) > 0 ? "capped at " + plain(c.maxPoints()) : null,
                      null,
                      null);
                }
              };
          BigDecimal raw = line.rawPoints() == null ? line.points() : line.rawPoints();
          if (line.rounds() != null) {
            for (RoundPart r : line.rounds()) {
              if (r.round() == Round.COUNCIL && r.mean() != null) {
                council = council.add(r.mean());
                rawCouncil = rawCouncil.add(r.rawMean() == null ? r.mean() : r.rawMean());
              }
            }
          }
          lines.add(line);
          criterionPoints.put(c.code(), line.points());
          groupTotals.merge(g.code(), line.points(), BigDecimal::add);
          total = total.add(line.points());
          rawCriterionPoints.put(c.code(), raw);
          rawGroupTotals.merge(g.code(), raw, BigDecimal::add);
          rawTotal = rawTotal.add(raw);
        }
      }
      total = scale(total);
      rawTotal = scale(rawTotal);
      Map<String, BigDecimal> tie = new LinkedHashMap<>();
      List<BigDecimal> key = key(pact, total, council, criterionPoints, groupTotals, tie);
      List<BigDecimal> rawKey =
          key(pact, rawTotal, rawCouncil, rawCriterionPoints, rawGroupTotals, new HashMap<>());
      String cls = classify(pact.classification(), pact.otherwise(), total);
      scored.add(
          new Scored(
              u,
              total,
              key,
              new Explanation(u.code(), total, cls, lines, tie, rawTotal, null),
              rawTotal,
              rawKey));
    }
    Map<String, Integer> rawRanks = new HashMap<>();
    List<Scored> byRaw = new ArrayList<>(scored);
    byRaw.sort((a, b) -> compareKeys(b.rawKey(), a.rawKey()));
    int rawRank = 0;
    for (int i = 0; i < byRaw.size(); i++) {
      if (i == 0 || compareKeys(byRaw.get(i - 1).rawKey(), byRaw.get(i).rawKey()) != 0) {
        rawRank = i + 1;
      }
      rawRanks.put(byRaw.get(i).unit().code(), rawRank);
    }
    List<Scored> sorted = new ArrayList<>(scored);
    sorted.sort((a, b) -> compareKeys(b.key(), a.key()));
    List<Result> out = new ArrayList<>();
    int rank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Scored s = sorted.get(i);
      if (i == 0 || compareKeys(sorted.get(i - 1).key(), s.key()) != 0) {
        rank = i + 1;
      }
      Explanation e = s.explanation();
      int rr = rawRanks.get(s.unit().code());
      out.add(
          new Result(
              s.unit().code(),
              s.unit().name(),
              s.total(),
              rank,
              e.classification(),
              new Explanation(
                  e.unit(),
                  e.total(),
                  e.classification(),
                  e.criteria(),
                  e.tieBreak(),
                  s.rawTotal(),
                  rr),
              s.rawTotal(),
              rr));
    }
    // within a shared rank the order is only for display
    out.sort(Comparator.comparingInt(Result::rank).thenComparing(Result::unit));
    return out;
  }

  /** Total, then the tie-break chain's values (recorded in {@code tie}). */
  private static List<BigDecimal> key(
      PactDefinition pact,
      BigDecimal total,
      BigDecimal council,
      Map<String, BigDecimal> criterionPoints,
      Map<String, BigDecimal> groupTotals,
      Map<String, BigDecimal> tie) {
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
    return key;
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

  static List<RoundPart> rounds(
      PactDefinition pact, List<Mark> marks, Map<Mark, BigDecimal> normalised) {
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
              .map(
                  m ->
                      new Score(
                          m.assessor(), m.points(), m.comment(), normalised.get(m), m.evidence()))
              .toList();
      List<String> abstained =
          of.stream().filter(m -> m.points() == null).map(Mark::assessor).toList();
      List<String> dropped = new ArrayList<>();
      BigDecimal mean = counted(pact, scores, Score::counted, dropped);
      BigDecimal rawMean = counted(pact, scores, Score::points, new ArrayList<>());
      out.add(
          new RoundPart(
              r,
              pact.weights().of(r),
              scores,
              abstained,
              dropped,
              mean,
              rawMean,
              spread(scores.stream().map(Score::points).toList())));
    }
    return out;
  }

  /**
   * The mean of the scores' values; with the trimmed mean and at least 5 scores the lowest and the
   * highest (by value, then assessor) are left out and named in {@code dropped}.
   */
  private static @Nullable BigDecimal counted(
      PactDefinition pact,
      List<Score> scores,
      java.util.function.Function<Score, BigDecimal> value,
      List<String> dropped) {
    List<Score> counted = scores;
    if (pact.trimmedMean() && scores.size() >= 5) {
      List<Score> byValue =
          scores.stream()
              .sorted(Comparator.comparing(value).thenComparing(Score::assessor))
              .toList();
      dropped.add(byValue.get(0).assessor());
      dropped.add(byValue.get(byValue.size() - 1).assessor());
      counted = byValue.subList(1, byValue.size() - 1);
    }
    return mean(counted.stream().map(value).toList());
  }

  /** Population standard deviation, two decimals; null with fewer than two values. */
  static @Nullable BigDecimal spread(List<BigDecimal> xs) {
    if (xs.size() < 2) {
      return null;
    }
    return scale(sd(xs));
  }

  private static final MathContext MC = MathContext.DECIMAL64;

  /** Exact sums, so the order of the values never matters. */
  private static BigDecimal sd(List<BigDecimal> xs) {
    BigDecimal n = BigDecimal.valueOf(xs.size());
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal squares = BigDecimal.ZERO;
    for (BigDecimal x : xs) {
      sum = sum.add(x);
      squares = squares.add(x.multiply(x));
    }
    // n·Σx² − (Σx)², exact; divided by n² for the variance
    BigDecimal v = n.multiply(squares).subtract(sum.multiply(sum)).divide(n.multiply(n), MC);
    return v.signum() <= 0 ? BigDecimal.ZERO : v.sqrt(MC);
  }

  /** Assessors who scored at least this many units on a criterion in a round may be normalised. */
  static final int NORMALISE_MIN_UNITS = 5;

  /**
   * Per-assessor z-score normalisation, per round and criterion. An assessor who scored at least
   * {@link #NORMALISE_MIN_UNITS} units with a non-zero spread has each score x replaced by {@code m
   * + s × (x − mA) / sA}: mA and sA are the assessor's mean and population standard deviation, m
   * and s those of all the round's scores of the criterion, so the result stays on the points
   * scale; then kept within [0, max] and given two decimals. Other assessors' scores count raw.
   */
  static Map<Mark, BigDecimal> normalise(PactDefinition pact, List<Mark> marks) {
    Map<String, BigDecimal> max = new HashMap<>();
    pact.criteria().forEach(c -> max.put(c.code(), c.maxPoints()));
    Map<String, List<Mark>> pools = new HashMap<>();
    Map<String, List<Mark>> byAssessor = new HashMap<>();
    for (Mark m : marks) {
      if (m.points() == null || !max.containsKey(m.criterion())) {
        continue;
      }
      String pool = m.round() + "\u0000" + m.criterion();
      pools.computeIfAbsent(pool, k -> new ArrayList<>()).add(m);
      byAssessor.computeIfAbsent(pool + "\u0000" + m.assessor(), k -> new ArrayList<>()).add(m);
    }
    Map<Mark, BigDecimal> out = new IdentityHashMap<>();
    for (List<Mark> own : byAssessor.values()) {
      Mark first = own.get(0);
      if (own.size() < NORMALISE_MIN_UNITS) {
        continue;
      }
      List<BigDecimal> xs = own.stream().map(Mark::points).toList();
      BigDecimal sdA = sd(xs);
      if (sdA.signum() == 0) {
        continue;
      }
      List<BigDecimal> pool =
          pools.get(first.round() + "\u0000" + first.criterion()).stream()
              .map(Mark::points)
              .toList();
      BigDecimal meanA = exactMean(xs);
      BigDecimal meanP = exactMean(pool);
      BigDecimal sdP = sd(pool);
      BigDecimal cap = max.get(first.criterion());
      for (Mark m : own) {
        BigDecimal z = m.points().subtract(meanA).divide(sdA, MC);
        out.put(m, scale(meanP.add(sdP.multiply(z)).max(BigDecimal.ZERO).min(cap)));
      }
    }
    return out;
  }

  private static BigDecimal exactMean(List<BigDecimal> xs) {
    return xs.stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(xs.size()), MC);
  }

  static @Nullable BigDecimal mean(List<BigDecimal> xs) {
    if (xs.isEmpty()) {
      return null;
    }
    BigDecimal sum = xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(xs.size()), 2, RoundingMode.HALF_UP);
  }

  /** Weighted mean over the rounds that have a mean and a weight; 0 when none has. */
  static BigDecimal weighted(
      List<RoundPart> rounds, java.util.function.Function<RoundPart, BigDecimal> mean) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (RoundPart r : rounds) {
      BigDecimal m = mean.apply(r);
      if (m != null && r.weight().signum() > 0) {
        sum = sum.add(r.weight().multiply(m));
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
