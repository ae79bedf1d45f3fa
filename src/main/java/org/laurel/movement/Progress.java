package org.laurel.movement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.BlocSummary;
import org.laurel.indicator.Indicator;
import org.laurel.indicator.Period;
import org.laurel.indicator.Summaries;
import org.laurel.movement.MovementView.Milestone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A movement's progress: how many of the expected units registered, each registered target against
 * the unit's accepted value for the movement's year (from the indicator module's bloc figures), and
 * the milestones still to come.
 */
@Service
public class Progress {

  /** One unit's registered target for an indicator and what it reported. */
  public record TargetRow(
      String unitCode,
      String unitName,
      String indicatorCode,
      String indicatorName,
      Indicator.@Nullable Measure measure,
      BigDecimal target,
      @Nullable BigDecimal reported,
      @Nullable BigDecimal percent) {}

  public record View(
      int expected,
      int registered,
      @Nullable BigDecimal participationPercent,
      int people,
      List<TargetRow> targets,
      List<Milestone> upcoming) {}

  /** A bar chart's data: one group of bars per label, one bar per series. */
  public record Chart(List<String> labels, List<Series> series) {}

  public record Series(String name, List<@Nullable BigDecimal> values) {}

  /** Each registered target reached, in percent: one group per unit, one bar per indicator. */
  public static Chart chart(View v) {
    List<String> units = new ArrayList<>();
    List<String> indicators = new ArrayList<>();
    for (TargetRow t : v.targets()) {
      if (!units.contains(t.unitName())) {
        units.add(t.unitName());
      }
      if (!indicators.contains(t.indicatorName())) {
        indicators.add(t.indicatorName());
      }
    }
    List<Series> series = new ArrayList<>();
    for (String ind : indicators) {
      List<@Nullable BigDecimal> values = new ArrayList<>();
      for (String unit : units) {
        values.add(
            v.targets().stream()
                .filter(t -> t.unitName().equals(unit) && t.indicatorName().equals(ind))
                .map(TargetRow::percent)
                .findFirst()
                .orElse(null));
      }
      series.add(new Series(ind, values));
    }
    return new Chart(units, series);
  }

  private final Registrations registrations;
  private final Blocs blocs;
  private final Summaries summaries;

  Progress(Registrations registrations, Blocs blocs, Summaries summaries) {
    this.registrations = registrations;
    this.blocs = blocs;
    this.summaries = summaries;
  }

  @Transactional(readOnly = true)
  public View of(MovementView m, LocalDate today) {
    List<Registrations.Participant> participants = registrations.participation(m.id());
    int expected = participants.size();
    int registered =
        (int) participants.stream().filter(Registrations.Participant::registered).count();
    int people = participants.stream().mapToInt(Registrations.Participant::people).sum();
    Map<String, Map<String, BigDecimal>> reported = reported(m.year());
    Map<String, Indicator> catalogue = new HashMap<>();
    summaries.catalogue().forEach(i -> catalogue.put(i.code(), i));
    Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    List<TargetRow> rows = new ArrayList<>();
    for (RegistrationView r : registrations.list(m.id())) {
      for (RegistrationView.Target t : r.targets()) {
        Indicator ind = catalogue.get(t.indicatorCode());
        BigDecimal value = reported.getOrDefault(r.unitCode(), Map.of()).get(t.indicatorCode());
        rows.add(
            new TargetRow(
                r.unitCode(),
                r.unitName(),
                t.indicatorCode(),
                ind == null ? t.indicatorCode() : ind.name(locale),
                ind == null ? null : ind.measure(),
                t.target(),
                value,
                percent(value, t.target())));
      }
    }
    List<Milestone> upcoming =
        m.milestones().stream().filter(x -> !x.dueOn().isBefore(today)).limit(5).toList();
    return new View(
        expected,
        registered,
        percent(BigDecimal.valueOf(registered), BigDecimal.valueOf(expected)),
        people,
        rows,
        upcoming);
  }

  /** Accepted values of the year per unit code and indicator, from the year's bloc figures. */
  @Transactional(readOnly = true)
  public Map<String, Map<String, BigDecimal>> reported(int year) {
    Map<String, Map<String, BigDecimal>> out = new HashMap<>();
    Period p = Period.of(Integer.toString(year));
    for (BlocView b : blocs.list(year)) {
      BlocSummary s = summaries.bloc(b.id(), p, Locale.ENGLISH);
      for (BlocSummary.IndicatorFigures f : s.indicators()) {
        for (BlocSummary.MemberFigures mf : f.members()) {
          if (mf.value() != null) {
            out.computeIfAbsent(mf.unit(), k -> new HashMap<>()).put(f.indicator(), mf.value());
          }
        }
      }
    }
    return out;
  }

  static @Nullable BigDecimal percent(@Nullable BigDecimal part, @Nullable BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
  }
}
