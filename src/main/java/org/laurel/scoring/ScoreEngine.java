package org.laurel.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
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
 *   <li>Manual criteria: per round the mean of the submitted scores (abstentions and recusals leave
 *       the denominator; with the trimmed mean and at least 5 scores the lowest and the highest are
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

  /**
   * One assessor's score of one unit on one criterion in one round; null points = abstention, or a
   * recusal (conflict of interest) when {@code recusal} gives its reason. Both leave the
   * denominator.
   */
  record Mark(
      Round round,
      String assessor,
      String unit,
      String criterion,
      @Nullable BigDecimal points,
      @Nullable String comment,
      @Nullable String evidence,
      @Nullable String recusal) {

    Mark(
        Round round,
        String assessor,
        String unit,
        String criterion,
        @Nullable BigDecimal points,
        @Nullable String comment,
        @Nullable String evidence) {
      this(round, assessor, unit, criterion, points, comment, evidence, null);
    }

    Mark(
        Round round,
        String assessor,
        String unit,
        String criterion,
        @Nullable BigDecimal points,
        @Nullable String comment) {
      this(round, assessor, unit, criterion, points, comment, null, null);
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

  /**
   * A round's part of a manual criterion; abstained and recused assessors are named apart (a
   * recusal with its reason) and neither counts in the mean. Explanations stored before recusals
   * existed read with none.
   */
  record RoundPart(
      Round round,
      BigDecimal weight,
      List<Score> scores,
      List<String> abstained,
      List<String> dropped,
      @Nullable BigDecimal mean,
      @Nullable BigDecimal rawMean,
      @Nullable BigDecimal spread,
      List<Recusal> recused) {

    RoundPart {
      recused = recused == null ? List.of() : recused;
    }
  }

  /** An assessor who recused itself from scoring the unit, and why. */
  record Recusal(String assessor, String reason) {}

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

  /** How a unit's line for a manual criterion is computed; the engine's own is {@link Cells}. */
  interface ManualLines {
    Line line(Group g, Criterion c, UnitIn u);

    /** What the totals and the tie-break need of the line; by default taken from it. */
    default Sums sums(Group g, Criterion c, UnitIn u) {
      return Sums.of(line(g, c, u));
    }
  }

  /**
   * A line's points, its raw points (without the normalisation) and its council round's mean and
   * raw mean (null without council scores): what a unit's total and tie-break keys need.
   */
  record Sums(
      BigDecimal points,
      BigDecimal rawPoints,
      @Nullable BigDecimal council,
      @Nullable BigDecimal rawCouncil) {

    static Sums of(Line line) {
      BigDecimal council = null;
      BigDecimal rawCouncil = null;
      if (line.rounds() != null) {
        for (RoundPart r : line.rounds()) {
          if (r.round() == Round.COUNCIL && r.mean() != null) {
            council = council == null ? r.mean() : council.add(r.mean());
            BigDecimal raw = r.rawMean() == null ? r.mean() : r.rawMean();
            rawCouncil = rawCouncil == null ? raw : rawCouncil.add(raw);
          }
        }
      }
      return new Sums(
          line.points(),
          line.rawPoints() == null ? line.points() : line.rawPoints(),
          council,
          rawCouncil);
    }
  }

  static List<Result> compute(Inputs in) {
    return compute(in, Cells.of(in));
  }

  static List<Result> compute(Inputs in, ManualLines manual) {
    PactDefinition pact = in.pact();
    Map<String, List<Item>> itemsByUnitCriterion = new HashMap<>();
    for (Item i : in.items()) {
      itemsByUnitCriterion
          .computeIfAbsent(i.unit() + "\u0000" + i.criterion(), k -> new ArrayList<>())
          .add(i);
    }
    LineSource source = new LineSource(in, manual, itemsByUnitCriterion);
    List<Band> bands = byMinDescending(pact.classification());
    boolean chain = !pact.tieBreakChain().isEmpty();
    record Scored(
        UnitIn unit,
        BigDecimal total,
        List<BigDecimal> key,
        Explanation explanation,
        BigDecimal rawTotal,
        List<BigDecimal> rawKey) {}
    List<Scored> scored = new ArrayList<>();
    for (UnitIn u : in.units()) {
      Map<String, BigDecimal> groupTotals = new HashMap<>();
      Map<String, BigDecimal> criterionPoints = new HashMap<>();
      Map<String, BigDecimal> rawGroupTotals = new HashMap<>();
      Map<String, BigDecimal> rawCriterionPoints = new HashMap<>();
      BigDecimal council = BigDecimal.ZERO;
      BigDecimal rawCouncil = BigDecimal.ZERO;
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal rawTotal = BigDecimal.ZERO;
      for (int ci = 0; ci < source.size(); ci++) {
        Group g = source.groups[ci];
        Criterion c = source.criteria[ci];
        // only the sums are kept: the explanation computes the line again when read
        Sums line = source.sums(ci, u);
        BigDecimal raw = line.rawPoints();
        if (line.council() != null) {
          council = council.add(line.council());
          rawCouncil = rawCouncil.add(line.rawCouncil());
        }
        if (chain) {
          criterionPoints.put(c.code(), line.points());
          groupTotals.merge(g.code(), line.points(), BigDecimal::add);
          rawCriterionPoints.put(c.code(), raw);
          rawGroupTotals.merge(g.code(), raw, BigDecimal::add);
        }
        total = total.add(line.points());
        rawTotal = rawTotal.add(raw);
      }
      total = scale(total);
      rawTotal = scale(rawTotal);
      Map<String, BigDecimal> tie = new LinkedHashMap<>();
      List<BigDecimal> key = key(pact, total, council, criterionPoints, groupTotals, tie);
      List<BigDecimal> rawKey =
          key(pact, rawTotal, rawCouncil, rawCriterionPoints, rawGroupTotals, new HashMap<>());
      String cls = classifySorted(bands, pact.otherwise(), total);
      scored.add(
          new Scored(
              u,
              total,
              key,
              new Explanation(u.code(), total, cls, new Lines(source, u), tie, rawTotal, null),
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

  /**
   * Computes any unit's line of any criterion from the inputs, as often as asked: a full recompute
   * keeps no lines (10,000 units × 50 criteria would keep millions of objects, which the garbage
   * collector copies again and again); an explanation computes its lines when read.
   */
  private static final class LineSource {
    private final Inputs in;
    private final ManualLines manual;
    private final Map<String, List<Item>> itemsByUnitCriterion;
    final Group[] groups;
    final Criterion[] criteria;

    LineSource(Inputs in, ManualLines manual, Map<String, List<Item>> itemsByUnitCriterion) {
      this.in = in;
      this.manual = manual;
      this.itemsByUnitCriterion = itemsByUnitCriterion;
      List<Group> gs = new ArrayList<>();
      List<Criterion> cs = new ArrayList<>();
      for (Group g : in.pact().groups()) {
        for (Criterion c : g.criteria()) {
          gs.add(g);
          cs.add(c);
        }
      }
      this.groups = gs.toArray(new Group[0]);
      this.criteria = cs.toArray(new Criterion[0]);
    }

    int size() {
      return criteria.length;
    }

    Sums sums(int ci, UnitIn u) {
      return criteria[ci].method() == Method.MANUAL
          ? manual.sums(groups[ci], criteria[ci], u)
          : Sums.of(line(ci, u));
    }

    Line line(int ci, UnitIn u) {
      Group g = groups[ci];
      Criterion c = criteria[ci];
      return switch (c.method()) {
        case INDICATOR -> {
          Figures f = in.figures().getOrDefault(u.code(), Map.of()).get(c.code());
          String period = c.period() == null ? Integer.toString(in.year()) : c.period();
          IndicatorPart p = indicator(c, period, f);
          yield computed(
              g,
              c,
              p.base().add(p.bonus()),
              p,
              null,
              p.percent() == null ? "no accepted figure to compute a percentage" : null);
        }
        case MANUAL -> manual.line(g, c, u);
        case BONUS, PENALTY -> {
          List<Item> items =
              new ArrayList<>(
                  itemsByUnitCriterion.getOrDefault(u.code() + "\u0000" + c.code(), List.of()));
          items.sort(Comparator.comparing(Item::points).thenComparing(Item::reason).reversed());
          BigDecimal sum =
              items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal capped = sum.min(c.maxPoints());
          yield computed(
              g,
              c,
              scale(c.method() == Method.PENALTY ? capped.negate() : capped),
              null,
              items.stream().map(i -> new ItemPart(i.points(), i.reason())).toList(),
              sum.compareTo(c.maxPoints()) > 0 ? "capped at " + plain(c.maxPoints()) : null);
        }
      };
    }
  }

  /** The line of an indicator, bonus or penalty criterion (no rounds, no raw points). */
  private static Line computed(
      Group g,
      Criterion c,
      BigDecimal points,
      @Nullable IndicatorPart indicator,
      @Nullable List<ItemPart> items,
      @Nullable String note) {
    return new Line(
        g.code(),
        c.code(),
        c.name(),
        c.method(),
        c.maxPoints(),
        points,
        indicator,
        null,
        items,
        note,
        null,
        null);
  }

  /** A unit's lines, computed when read (see {@link LineSource}); equal to any list of the same. */
  private static final class Lines extends java.util.AbstractList<Line>
      implements java.util.RandomAccess {
    private final LineSource source;
    private final UnitIn unit;

    Lines(LineSource source, UnitIn unit) {
      this.source = source;
      this.unit = unit;
    }

    @Override
    public Line get(int index) {
      java.util.Objects.checkIndex(index, source.size());
      return source.line(index, unit);
    }

    @Override
    public int size() {
      return source.size();
    }
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
    return classifySorted(byMinDescending(bands), otherwise, total);
  }

  private static List<Band> byMinDescending(List<Band> bands) {
    return bands.stream().sorted(Comparator.comparing(Band::min).reversed()).toList();
  }

  /** The label of the first band reached, of bands sorted by {@link #byMinDescending}. */
  private static String classifySorted(List<Band> sorted, String otherwise, BigDecimal total) {
    for (Band b : sorted) {
      if (total.compareTo(b.min()) >= 0) {
        return b.label();
      }
    }
    return otherwise;
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

  private static final Round[] ROUNDS = Round.values();
  private static final Comparator<Mark> BY_ASSESSOR = Comparator.comparing(Mark::assessor);
  private static final BigDecimal ZERO_2 = BigDecimal.valueOf(0, 2);

  /**
   * Shared two-decimal values 0.00 … 1000.00: a full recompute keeps millions of means and points,
   * mostly the same few thousand values, and the GC copies every object it keeps.
   */
  private static final BigDecimal[] TWO_DECIMALS = new BigDecimal[100_001];

  /** h / 100 with two decimals; equal (scale included) to {@code BigDecimal.valueOf(h, 2)}. */
  static BigDecimal twoDecimals(long h) {
    if (h < 0 || h >= TWO_DECIMALS.length) {
      return BigDecimal.valueOf(h, 2);
    }
    BigDecimal b = TWO_DECIMALS[(int) h];
    if (b == null) {
      b = BigDecimal.valueOf(h, 2);
      TWO_DECIMALS[(int) h] = b;
    }
    return b;
  }

  /** Marker for a value that is missing or does not fit the long arithmetic. */
  private static final long NO = Long.MIN_VALUE;

  /**
   * x × 100 as a long when x has at most two decimals and |x| < 10⁴ (so that sums of squares stay
   * exact in a long), else {@link #NO}.
   */
  private static final BigDecimal LIMIT = BigDecimal.valueOf(10_000);

  static long hundredths(BigDecimal x) {
    int s = x.scale();
    if (s > 2 || x.compareTo(LIMIT) >= 0 || x.compareTo(LIMIT.negate()) <= 0) {
      return NO;
    }
    return x.movePointRight(2).longValueExact();
  }

  /** a / b rounded half up (away from zero on a tie), as {@link RoundingMode#HALF_UP}; b > 0. */
  static long divideHalfUp(long a, long b) {
    long q = a / b;
    long r = a % b;
    if (2 * Math.abs(r) >= b) {
      q += a < 0 ? -1 : 1;
    }
    return q;
  }

  /** The round weights as longs at a common scale; {@code units} null when they do not fit. */
  record Weighing(BigDecimal[] weights, long @Nullable [] units) {

    static Weighing of(PactDefinition pact) {
      BigDecimal[] ws = new BigDecimal[ROUNDS.length];
      int scale = 0;
      for (Round r : ROUNDS) {
        ws[r.ordinal()] = pact.weights().of(r);
        scale = Math.max(scale, ws[r.ordinal()].scale());
      }
      long[] units = new long[ROUNDS.length];
      for (int i = 0; i < ws.length; i++) {
        BigDecimal w = ws[i].setScale(scale);
        if (scale > 6 || w.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
          return new Weighing(ws, null);
        }
        units[i] = w.unscaledValue().longValueExact();
      }
      return new Weighing(ws, units);
    }

    /**
     * The weighted mean of the rounds' means (in hundredths, {@link #NO} for none), exactly as
     * {@link ScoreEngine#weighted}; null when it cannot be computed in longs.
     */
    @Nullable BigDecimal weighted(long[] means) {
      if (units == null) {
        return null;
      }
      long sum = 0;
      long total = 0;
      for (int i = 0; i < means.length; i++) {
        if (means[i] != NO && units[i] > 0) {
          if (Math.abs(means[i]) >= 100_000_000L) {
            return null;
          }
          sum += units[i] * means[i];
          total += units[i];
        }
      }
      return total == 0 ? ZERO_2 : twoDecimals(divideHalfUp(sum, total));
    }
  }

  /** A manual criterion's line from its rounds, the weighted means (capped here) and the spread. */
  static Line manualLine(
      Group g,
      Criterion c,
      List<RoundPart> rounds,
      BigDecimal points,
      BigDecimal rawPoints,
      @Nullable BigDecimal spread) {
    boolean none = true;
    for (RoundPart r : rounds) {
      none &= r.mean() == null;
    }
    return new Line(
        g.code(),
        c.code(),
        c.name(),
        c.method(),
        c.maxPoints(),
        points.min(c.maxPoints()),
        null,
        rounds,
        null,
        none ? "no submitted scores" : null,
        rawPoints.min(c.maxPoints()),
        spread);
  }

  /** The marks grouped once by (unit, criterion): arrays, no keys built per mark. */
  private record Cells(
      PactDefinition pact,
      Map<String, Integer> unitIndex,
      Map<String, Integer> criterionIndex,
      Mark[] marks,
      int[] order,
      int[] start,
      Map<Mark, BigDecimal> normalised,
      Weighing weighing)
      implements ManualLines {

    static Cells of(Inputs in) {
      PactDefinition pact = in.pact();
      Mark[] marks = in.marks().toArray(new Mark[0]);
      Map<Mark, BigDecimal> normalised =
          pact.normalise() ? normalise(pact, in.marks()) : new IdentityHashMap<>();
      // the marks grouped once by (unit, criterion) cell: order[start[cell] .. start[cell + 1])
      // holds their indices in input order
      Map<String, Integer> unitIndex = new HashMap<>();
      for (UnitIn u : in.units()) {
        unitIndex.putIfAbsent(u.code(), unitIndex.size());
      }
      Map<String, Integer> criterionIndex = new HashMap<>();
      for (Criterion c : pact.criteria()) {
        criterionIndex.putIfAbsent(c.code(), criterionIndex.size());
      }
      int nc = criterionIndex.size();
      int[] start = new int[Math.multiplyExact(unitIndex.size(), nc) + 1];
      int[] cellOf = new int[marks.length];
      for (int i = 0; i < marks.length; i++) {
        Integer u = unitIndex.get(marks[i].unit());
        Integer c = criterionIndex.get(marks[i].criterion());
        cellOf[i] = u == null || c == null ? -1 : u * nc + c;
        if (cellOf[i] >= 0) {
          start[cellOf[i] + 1]++;
        }
      }
      for (int k = 1; k < start.length; k++) {
        start[k] += start[k - 1];
      }
      int[] order = new int[start[start.length - 1]];
      int[] next = start.clone();
      for (int i = 0; i < marks.length; i++) {
        if (cellOf[i] >= 0) {
          order[next[cellOf[i]]++] = i;
        }
      }
      return new Cells(
          pact, unitIndex, criterionIndex, marks, order, start, normalised, Weighing.of(pact));
    }

    @Override
    public Line line(Group g, Criterion c, UnitIn u) {
      int cell = unitIndex.get(u.code()) * criterionIndex.size() + criterionIndex.get(c.code());
      return line(pact, g, c, cell);
    }

    /**
     * The sums without the line's objects, in the common case: no normalisation, no trimmed round,
     * every score with at most two decimals and below 10⁴; otherwise taken from the line. Same
     * arithmetic as {@link #line}: per round the mean of the scores in hundredths, half up, then
     * the weighted mean, capped at the max.
     */
    @Override
    public Sums sums(Group g, Criterion c, UnitIn u) {
      if (!normalised.isEmpty()) {
        return ManualLines.super.sums(g, c, u);
      }
      int cell = unitIndex.get(u.code()) * criterionIndex.size() + criterionIndex.get(c.code());
      long[] n = new long[ROUNDS.length];
      long[] sum = new long[ROUNDS.length];
      for (int k = start[cell]; k < start[cell + 1]; k++) {
        Mark m = marks[order[k]];
        if (m.round() == null || m.points() == null) {
          continue;
        }
        long h = hundredths(m.points());
        if (h == NO) {
          return ManualLines.super.sums(g, c, u);
        }
        n[m.round().ordinal()]++;
        sum[m.round().ordinal()] += h;
      }
      long[] means = new long[ROUNDS.length];
      for (int r = 0; r < ROUNDS.length; r++) {
        if (pact.trimmedMean() && n[r] >= 5) {
          return ManualLines.super.sums(g, c, u);
        }
        means[r] = n[r] == 0 ? NO : divideHalfUp(sum[r], n[r]);
      }
      BigDecimal pts = weighing.weighted(means);
      if (pts == null) {
        return ManualLines.super.sums(g, c, u);
      }
      BigDecimal capped = pts.min(c.maxPoints());
      int council = Round.COUNCIL.ordinal();
      BigDecimal councilMean = n[council] == 0 ? null : twoDecimals(means[council]);
      return new Sums(capped, capped, councilMean, councilMean);
    }

    /** A manual criterion's line: per round {@link #round}, then the weighted means. */
    Line line(PactDefinition pact, Group g, Criterion c, int cell) {
      List<List<Mark>> byRound = new ArrayList<>(ROUNDS.length);
      for (int r = 0; r < ROUNDS.length; r++) {
        byRound.add(new ArrayList<>());
      }
      // count, sum and sum of squares (in hundredths) of all the cell's scores, and whether exact
      long[] all = {0, 0, 0, 1};
      for (int k = start[cell]; k < start[cell + 1]; k++) {
        Mark m = marks[order[k]];
        if (m.round() != null) {
          byRound.get(m.round().ordinal()).add(m);
        } else if (m.points() != null) {
          add(all, m.points());
        }
      }
      List<RoundPart> rounds = new ArrayList<>(ROUNDS.length);
      long[] means = new long[ROUNDS.length];
      long[] rawMeans = new long[ROUNDS.length];
      boolean anyNormalised = false;
      boolean fits = true;
      for (Round r : ROUNDS) {
        RoundPart part = round(pact, r, byRound.get(r.ordinal()), all);
        rounds.add(part);
        means[r.ordinal()] = part.mean() == null ? NO : hundredths(part.mean());
        rawMeans[r.ordinal()] = part.rawMean() == null ? NO : hundredths(part.rawMean());
        fits &= (part.mean() == null) == (means[r.ordinal()] == NO);
        fits &= (part.rawMean() == null) == (rawMeans[r.ordinal()] == NO);
        anyNormalised |= part.mean() != part.rawMean();
      }
      BigDecimal pts = fits ? weighing.weighted(means) : null;
      if (pts == null) {
        pts = weighted(rounds, RoundPart::mean);
      }
      BigDecimal rawPts = !anyNormalised ? pts : fits ? weighing.weighted(rawMeans) : null;
      if (rawPts == null) {
        rawPts = weighted(rounds, RoundPart::rawMean);
      }
      BigDecimal spread = all[0] < 2 ? null : all[3] == 1 ? spreadOf(all[0], all[1], all[2]) : null;
      if (spread == null && all[0] >= 2) {
        List<BigDecimal> xs = new ArrayList<>();
        for (int k = start[cell]; k < start[cell + 1]; k++) {
          if (marks[order[k]].points() != null) {
            xs.add(marks[order[k]].points());
          }
        }
        spread = spread(xs);
      }
      return manualLine(g, c, rounds, pts, rawPts, spread);
    }

    /** Adds x to the count, sum and sum of squares in {@code acc}; clears acc[3] if not exact. */
    private static void add(long[] acc, BigDecimal x) {
      long h = hundredths(x);
      acc[0]++;
      if (h == NO) {
        acc[3] = 0;
      } else {
        acc[1] += h;
        acc[2] += h * h;
      }
    }

    /** A round's part, as {@link ScoreEngine#rounds} did; adds its scores to {@code all}. */
    private RoundPart round(PactDefinition pact, Round r, List<Mark> of, long[] all) {
      if (of.size() > 1) {
        of.sort(BY_ASSESSOR);
      }
      List<Score> scores = new ArrayList<>(of.size());
      List<String> abstained = List.of();
      List<Recusal> recused = List.of();
      boolean anyNormalised = false;
      long[] own = {0, 0, 0, 1};
      for (Mark m : of) {
        if (m.points() == null && m.recusal() != null) {
          if (recused.isEmpty()) {
            recused = new ArrayList<>();
          }
          recused.add(new Recusal(m.assessor(), m.recusal()));
          continue;
        }
        if (m.points() == null) {
          if (abstained.isEmpty()) {
            abstained = new ArrayList<>();
          }
          abstained.add(m.assessor());
          continue;
        }
        BigDecimal z = normalised.isEmpty() ? null : normalised.get(m);
        anyNormalised |= z != null;
        scores.add(new Score(m.assessor(), m.points(), m.comment(), z, m.evidence()));
        add(own, m.points());
      }
      long n = own[0];
      boolean exact = own[3] == 1;
      all[0] += n;
      all[1] += own[1];
      all[2] += own[2];
      all[3] &= own[3];
      // few objects per round: the results of a full recompute are kept (and copied by the GC)
      List<String> dropped = List.of();
      BigDecimal mean;
      BigDecimal rawMean;
      if (pact.trimmedMean() && scores.size() >= 5) {
        dropped = new ArrayList<>();
        mean = counted(pact, scores, Score::counted, dropped);
        rawMean = anyNormalised ? counted(pact, scores, Score::points, new ArrayList<>()) : mean;
      } else {
        rawMean = n == 0 ? null : exact ? twoDecimals(divideHalfUp(own[1], n)) : points(scores);
        mean = anyNormalised ? mean(scores.stream().map(Score::counted).toList()) : rawMean;
      }
      BigDecimal spread = null;
      if (n >= 2) {
        spread = exact ? spreadOf(n, own[1], own[2]) : null;
        if (spread == null) {
          spread = spread(scores.stream().map(Score::points).toList());
        }
      }
      return new RoundPart(
          r,
          weighing.weights()[r.ordinal()],
          scores.size() <= 1 ? List.copyOf(scores) : Collections.unmodifiableList(scores),
          abstained.isEmpty() ? abstained : Collections.unmodifiableList(abstained),
          dropped,
          mean,
          rawMean,
          spread,
          recused.isEmpty() ? recused : Collections.unmodifiableList(recused));
    }

    private static @Nullable BigDecimal points(List<Score> scores) {
      return mean(scores.stream().map(Score::points).toList());
    }
  }

  /**
   * The population standard deviation of n values given in hundredths by their sum and sum of
   * squares, with two decimals half up: exactly what {@link #spread} gives, without the decimal
   * square root; null when it does not fit the long arithmetic.
   *
   * <p>In hundredths the deviation is t = √N / n with N = n·Σx² − (Σx)², an integer; t rounded half
   * up is the largest k with k − ½ ≤ t, that is (2k − 1)·n ≤ 2·√N, decided exactly in integers as
   * (2k − 1)²·n² ≤ 4·N. {@link #sd} rounds to 16 digits twice, an error below 10⁻¹⁵ relative; for N
   * ≤ 10¹² the true deviation is at least 1 / (8·N) ≥ 10⁻¹³ relative away from a half-way point
   * unless exactly on one (which both then round up), so both round the same way.
   */
  static @Nullable BigDecimal spreadOf(long n, long sum, long squares) {
    if (n >= 1_000_000) {
      return null;
    }
    long big;
    try {
      big = Math.subtractExact(Math.multiplyExact(n, squares), Math.multiplyExact(sum, sum));
    } catch (ArithmeticException e) {
      return null;
    }
    if (big > 1_000_000_000_000L) {
      return null;
    }
    if (big <= 0) {
      return ZERO_2;
    }
    long k = (long) Math.floor(Math.sqrt((double) big) / n + 0.5);
    while (k > 0 && !reachesHalfBelow(k, n, big)) {
      k--;
    }
    while (reachesHalfBelow(k + 1, n, big)) {
      k++;
    }
    return twoDecimals(k);
  }

  /** Whether k − ½ ≤ √big / n. */
  private static boolean reachesHalfBelow(long k, long n, long big) {
    if (k <= 0) {
      return true;
    }
    long b = (2 * k - 1) * n;
    return b * b <= 4 * big;
  }

  /**
   * The mean of the scores' values; with the trimmed mean and at least 5 scores the lowest and the
   * highest (by value, then assessor) are left out and named in {@code dropped}.
   */
  static @Nullable BigDecimal counted(
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
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal x : xs) {
      sum = sum.add(x);
    }
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
