package org.laurel.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.BlocView.UnitRef;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.BlocSummary.IndicatorFigures;
import org.laurel.indicator.BlocSummary.MemberFigures;
import org.laurel.indicator.BlocSummary.Source;
import org.laurel.indicator.IndicatorRepository.Key;
import org.laurel.organisation.LineageLink;
import org.laurel.organisation.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derived figures. Only accepted values count. "Same period last year" of a unit that did not exist
 * then is rebuilt from its predecessors: the sum of their figures times the share each passed on
 * (for sums), or the share-weighted mean (for rates).
 */
@Service
public class Summaries {

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** How far back through successive reorganisations a figure is traced. */
  private static final int MAX_LINEAGE_DEPTH = 5;

  private final IndicatorRepository repo;
  private final Blocs blocs;
  private final Units units;

  Summaries(IndicatorRepository repo, Blocs blocs, Units units) {
    this.repo = repo;
    this.blocs = blocs;
    this.units = units;
  }

  @Transactional(readOnly = true)
  public BlocSummary bloc(long blocId, Period period, Locale locale) {
    BlocView bloc = blocs.get(blocId);
    List<Long> ids = bloc.members().stream().map(UnitRef::id).toList();
    Map<Key, BigDecimal> values = values(ids, period);
    Map<Key, BigDecimal> estimates = repo.estimates(ids, period.year());
    LastYear lastYear = lastYear(ids, period);

    List<IndicatorFigures> out = new ArrayList<>();
    for (Indicator ind : repo.all()) {
      boolean any =
          ids.stream()
              .anyMatch(
                  u ->
                      values.containsKey(new Key(u, ind.id()))
                          || estimates.containsKey(new Key(u, ind.id())));
      if (!any) {
        continue;
      }
      List<MemberFigures> members = new ArrayList<>();
      List<BigDecimal> vs = new ArrayList<>();
      List<BigDecimal[]> withEstimate = new ArrayList<>();
      List<BigDecimal[]> withLastYear = new ArrayList<>();
      List<BigDecimal> es = new ArrayList<>();
      List<BigDecimal> lys = new ArrayList<>();
      // a weighted average weighs each member's figure by its figure of the weight indicator
      Indicator weight =
          ind.aggregation() == Indicator.Aggregation.WEIGHTED_AVERAGE && ind.weightCode() != null
              ? repo.byCode(ind.weightCode()).orElse(null)
              : null;
      List<BigDecimal[]> wValues = new ArrayList<>();
      List<BigDecimal[]> wEstimates = new ArrayList<>();
      List<BigDecimal[]> wLastYear = new ArrayList<>();
      for (UnitRef m : bloc.members()) {
        Key k = new Key(m.id(), ind.id());
        BigDecimal v = values.get(k);
        BigDecimal e = estimates.get(k);
        Traced ly = lastYear.of(m.id(), ind);
        if (weight != null) {
          Key wk = new Key(m.id(), weight.id());
          pair(wValues, v, values.get(wk));
          pair(wEstimates, e, estimates.get(wk));
          pair(wLastYear, ly.value(), lastYear.of(m.id(), weight).value());
        }
        if (v != null) {
          vs.add(v);
        }
        if (e != null) {
          es.add(e);
        }
        if (ly.value() != null) {
          lys.add(ly.value());
        }
        if (v != null && e != null) {
          withEstimate.add(new BigDecimal[] {v, e});
        }
        if (v != null && ly.value() != null) {
          withLastYear.add(new BigDecimal[] {v, ly.value()});
        }
        members.add(
            new MemberFigures(
                m.code(),
                m.name(),
                v == null ? null : plain(v),
                e == null ? null : plain(e),
                percent(v, e),
                ly.value() == null ? null : plain(ly.value()),
                growth(v, ly.value()),
                null,
                ly.sources()));
      }
      members = ranked(members, ind.direction());
      Indicator.Aggregation agg = ind.aggregation();
      BigDecimal total = aggregate(agg, vs);
      BigDecimal estimate = aggregate(agg, es);
      BigDecimal lastYearTotal = aggregate(agg, lys);
      // ratios over the members that have both figures, so a missing report does not skew them
      BigDecimal pctOfEstimate =
          percent(
              aggregate(agg, withEstimate.stream().map(p -> p[0]).toList()),
              aggregate(agg, withEstimate.stream().map(p -> p[1]).toList()));
      BigDecimal growthPct =
          growth(
              aggregate(agg, withLastYear.stream().map(p -> p[0]).toList()),
              aggregate(agg, withLastYear.stream().map(p -> p[1]).toList()));
      if (weight != null) {
        total = weighted(wValues);
        estimate = weighted(wEstimates);
        lastYearTotal = weighted(wLastYear);
        pctOfEstimate = percent(total, estimate);
        growthPct = growth(total, lastYearTotal);
      }
      out.add(
          new IndicatorFigures(
              ind.code(),
              ind.name(locale),
              ind.measure(),
              agg,
              ind.direction(),
              total,
              estimate,
              pctOfEstimate,
              lastYearTotal,
              growthPct,
              vs.size(),
              members));
    }
    return new BlocSummary(period.toString(), bloc.id(), bloc.code(), bloc.year(), out);
  }

  /** The whole catalogue in its order, e.g. for a choice of indicators in another module. */
  @Transactional(readOnly = true)
  public List<Indicator> catalogue() {
    return repo.all();
  }

  /** The catalogue entry of an indicator, e.g. to check a reference to it. */
  @Transactional(readOnly = true)
  public java.util.Optional<Indicator> indicator(String code) {
    return repo.byCode(code);
  }

  private Map<Key, BigDecimal> values(List<Long> ids, Period p) {
    return repo.acceptedValues(ids, p.year(), p.startMonth(), p.endMonth(), p.toString());
  }

  /** A same-period-last-year figure and, when rebuilt from predecessors, where from. */
  record Traced(@Nullable BigDecimal value, List<Source> sources) {}

  /** Last year's figures of a set of units, with lineage looked up once for all of them. */
  private final class LastYear {
    private final Period last;
    private final Period now;
    private final Map<Long, List<LineageLink>> links = new HashMap<>();
    private final Map<Key, BigDecimal> values = new HashMap<>();

    LastYear(Period now) {
      this.now = now;
      this.last = now.samePeriodLastYear();
    }

    Traced of(long unitId, Indicator ind) {
      BigDecimal own = values.get(new Key(unitId, ind.id()));
      if (own != null) {
        return new Traced(own, List.of());
      }
      List<LineageLink> in = links.getOrDefault(unitId, List.of());
      if (in.isEmpty()) {
        return new Traced(null, List.of());
      }
      List<Source> sources = new ArrayList<>();
      BigDecimal sum = BigDecimal.ZERO;
      BigDecimal shares = BigDecimal.ZERO;
      for (LineageLink l : in) {
        Traced p = of(l.predecessorId(), ind);
        if (p.value() == null) {
          // one predecessor without a figure: the rebuilt figure would be wrong, so there is none
          return new Traced(null, List.of());
        }
        sources.add(new Source(l.predecessorCode(), l.share(), p.value()));
        sum = sum.add(p.value().multiply(l.share(), MC));
        shares = shares.add(l.share());
      }
      BigDecimal v = ind.aggregation().adds() ? sum : sum.divide(shares, MC);
      return new Traced(v, sources);
    }
  }

  /**
   * Loads last year's values for the units and, for those reorganised since, their predecessors,
   * level by level.
   */
  private LastYear lastYear(List<Long> ids, Period now) {
    LastYear ly = new LastYear(now);
    Set<Long> level = new HashSet<>(ids);
    Set<Long> seen = new HashSet<>();
    for (int depth = 0; depth <= MAX_LINEAGE_DEPTH && !level.isEmpty(); depth++) {
      seen.addAll(level);
      ly.values.putAll(values(List.copyOf(level), ly.last));
      Set<Long> next = new HashSet<>();
      for (LineageLink l : units.predecessorsOf(level)) {
        // only reorganisations between then and now make last year's figure someone else's
        if (l.effectiveDate().isAfter(ly.last.lastDay())
            && !l.effectiveDate().isAfter(ly.now.lastDay())) {
          ly.links.computeIfAbsent(l.successorId(), k -> new ArrayList<>()).add(l);
          if (!seen.contains(l.predecessorId())) {
            next.add(l.predecessorId());
          }
        }
      }
      level = next;
    }
    return ly;
  }

  static @Nullable BigDecimal aggregate(Indicator.Aggregation agg, List<BigDecimal> xs) {
    if (xs.isEmpty()) {
      return null;
    }
    BigDecimal sum = xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return switch (agg) {
      // a stock (LAST) is taken at the period's end for each unit, and stocks add up across units
      case SUM, LAST -> plain(sum);
      // a weighted average without weights (they are applied before this, where known)
      case AVERAGE, WEIGHTED_AVERAGE ->
          plain(sum.divide(BigDecimal.valueOf(xs.size()), 2, RoundingMode.HALF_UP));
    };
  }

  private static void pair(
      List<BigDecimal[]> pairs, @Nullable BigDecimal value, @Nullable BigDecimal weight) {
    if (value != null && weight != null) {
      pairs.add(new BigDecimal[] {value, weight});
    }
  }

  /** Σ value × weight ÷ Σ weight over the members that have both; null when no weight. */
  static @Nullable BigDecimal weighted(List<BigDecimal[]> pairs) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (BigDecimal[] p : pairs) {
      sum = sum.add(p[0].multiply(p[1]));
      weights = weights.add(p[1]);
    }
    return weights.signum() == 0 ? null : plain(sum.divide(weights, 2, RoundingMode.HALF_UP));
  }

  /** Without trailing zeros, and never in exponent form (19600, not 1.96E+4). */
  static BigDecimal plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** value / estimate × 100, one decimal; null when either is missing or the estimate is 0. */
  static @Nullable BigDecimal percent(@Nullable BigDecimal value, @Nullable BigDecimal of) {
    if (value == null || of == null || of.signum() == 0) {
      return null;
    }
    return value.multiply(HUNDRED).divide(of, 1, RoundingMode.HALF_UP);
  }

  /** (value / last year − 1) × 100, one decimal. */
  static @Nullable BigDecimal growth(@Nullable BigDecimal value, @Nullable BigDecimal lastYear) {
    BigDecimal p = percent(value, lastYear);
    return p == null ? null : p.subtract(HUNDRED);
  }

  /** Competition ranks (1, 1, 3) by value, best first; members without a value get none. */
  static List<MemberFigures> ranked(List<MemberFigures> ms, Indicator.Direction direction) {
    Comparator<BigDecimal> better =
        direction == Indicator.Direction.HIGHER
            ? Comparator.<BigDecimal>reverseOrder()
            : Comparator.<BigDecimal>naturalOrder();
    List<BigDecimal> sorted =
        ms.stream().map(MemberFigures::value).filter(v -> v != null).sorted(better).toList();
    List<MemberFigures> out = new ArrayList<>();
    for (MemberFigures m : ms) {
      Integer rank = null;
      if (m.value() != null) {
        int i = 0;
        while (sorted.get(i).compareTo(m.value()) != 0) {
          i++;
        }
        rank = i + 1;
      }
      out.add(
          new MemberFigures(
              m.unit(),
              m.name(),
              m.value(),
              m.estimate(),
              m.percentOfEstimate(),
              m.samePeriodLastYear(),
              m.growthPercent(),
              rank,
              m.samePeriodLastYearFrom()));
    }
    return out;
  }
}
