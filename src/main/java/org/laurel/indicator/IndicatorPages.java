package org.laurel.indicator;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.bloc.BlocView;
import org.laurel.bloc.Blocs;
import org.laurel.indicator.BlocSummary.IndicatorFigures;
import org.laurel.indicator.BlocSummary.MemberFigures;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The indicator catalogue, a bloc's figures for a period (table and charts), the chart data, and
 * the import template of a bloc and period.
 */
@Controller
class IndicatorPages {

  /** A choice of the period selector. */
  record PeriodChoice(String value, String label) {}

  private final IndicatorRepository catalogue;
  private final Summaries summaries;
  private final Blocs blocs;
  private final Figures figures;
  private final MessageSource messages;
  private final Clock clock;

  IndicatorPages(
      IndicatorRepository catalogue,
      Summaries summaries,
      Blocs blocs,
      Figures figures,
      MessageSource messages,
      Clock clock) {
    this.catalogue = catalogue;
    this.summaries = summaries;
    this.blocs = blocs;
    this.figures = figures;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/indicators")
  String catalogue(Model model) {
    // the blocs whose figures can be looked at, latest year first
    List<BlocView> shown =
        blocs.list(null).stream()
            .sorted(
                java.util.Comparator.comparingInt(BlocView::year)
                    .reversed()
                    .thenComparing(BlocView::code))
            .toList();
    model.addAttribute("indicators", catalogue.all());
    model.addAttribute("blocs", shown);
    return "indicators/catalogue";
  }

  @GetMapping("/blocs/{id}/figures")
  String overview(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(required = false) @Nullable String indicator,
      Model model) {
    BlocView bloc = blocs.get(id);
    Period p = period == null || period.isBlank() ? defaultPeriod(bloc) : Reports.period(period);
    BlocSummary summary = summaries.bloc(id, p, locale());
    String selected =
        summary.indicators().stream()
            .map(IndicatorFigures::indicator)
            .filter(c -> c.equals(indicator))
            .findFirst()
            .orElse(summary.indicators().isEmpty() ? "" : summary.indicators().get(0).indicator());
    model.addAttribute("bloc", bloc);
    model.addAttribute("period", p.toString());
    model.addAttribute("periodName", figures.period(p));
    model.addAttribute("periods", choices(bloc.year()));
    model.addAttribute("summary", summary);
    model.addAttribute("selected", selected);
    return "indicators/overview";
  }

  /**
   * The data of the overview's two charts: the indicator by member unit (value and the year's
   * estimate) for the period, and the bloc's figure over the year (Q1, H1, 9M, year), this year and
   * last.
   */
  @GetMapping(value = "/blocs/{id}/figures/chart", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> chart(
      @PathVariable long id, @RequestParam String indicator, @RequestParam String period) {
    Period p = Reports.period(period);
    Indicator ind =
        catalogue
            .byCode(indicator)
            .orElseThrow(
                () ->
                    new org.laurel.shared.NotFoundException("error.indicator.unknown", indicator));
    Locale locale = locale();
    BlocSummary now = summaries.bloc(id, p, locale);
    IndicatorFigures f = find(now, ind.code());
    List<String> units = new ArrayList<>();
    List<@Nullable BigDecimal> values = new ArrayList<>();
    List<@Nullable BigDecimal> estimates = new ArrayList<>();
    if (f != null) {
      for (MemberFigures m : f.members()) {
        units.add(m.name());
        values.add(m.value());
        estimates.add(m.estimate());
      }
    }
    Map<String, Object> byUnit = new LinkedHashMap<>();
    byUnit.put("title", msg("indicator.chart.byUnit", ind.name(locale), figures.period(p)));
    byUnit.put("units", units);
    byUnit.put("value", values);
    byUnit.put("estimate", estimates);
    byUnit.put("valueLabel", msg("indicator.chart.value", figures.period(p)));
    byUnit.put("estimateLabel", msg("indicator.chart.estimate", Integer.toString(p.year())));

    List<String> axis = new ArrayList<>();
    List<@Nullable BigDecimal> thisYear = new ArrayList<>();
    List<@Nullable BigDecimal> lastYear = new ArrayList<>();
    for (Period q : yearPeriods(p.year())) {
      BlocSummary s = q.equals(p) ? now : summaries.bloc(id, q, locale);
      IndicatorFigures g = find(s, ind.code());
      axis.add(figures.shortPeriod(q));
      thisYear.add(g == null ? null : g.total());
      lastYear.add(g == null ? null : g.samePeriodLastYear());
    }
    Map<String, Object> overTime = new LinkedHashMap<>();
    overTime.put("title", msg("indicator.chart.overTime", ind.name(locale)));
    overTime.put("periods", axis);
    overTime.put("thisYear", thisYear);
    overTime.put("lastYear", lastYear);
    overTime.put("thisYearLabel", Integer.toString(p.year()));
    overTime.put("lastYearLabel", Integer.toString(p.year() - 1));

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("indicator", ind.code());
    out.put("name", ind.name(locale));
    out.put("measure", figures.measure(ind.measure()));
    out.put("period", p.toString());
    out.put("byUnit", byUnit);
    out.put("overTime", overTime);
    return out;
  }

  /**
   * A CSV to fill in: UTF-8 with a byte-order mark (so that spreadsheet programs read the
   * diacritics), the import's header and one row per member and indicator, value left empty.
   */
  @GetMapping("/blocs/{id}/template.csv")
  ResponseEntity<byte[]> template(@PathVariable long id, @RequestParam String period) {
    BlocView bloc = blocs.get(id);
    Period p = Reports.period(period);
    StringBuilder csv = new StringBuilder(String.join(",", Imports.HEADER)).append("\r\n");
    List<Indicator> all = catalogue.all();
    for (BlocView.UnitRef m : bloc.members()) {
      for (Indicator i : all) {
        csv.append(m.code()).append(',').append(i.code()).append(',').append(p).append(",\r\n");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    String name = bloc.code() + "-" + p + ".csv";
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out.toByteArray());
  }

  /** The periods offered: Q1, H1, 9M and the year, of the bloc's year and the year before. */
  private List<PeriodChoice> choices(int year) {
    List<PeriodChoice> out = new ArrayList<>();
    for (int y = year; y >= year - 1; y--) {
      for (Period p : yearPeriods(y)) {
        out.add(new PeriodChoice(p.toString(), figures.period(p)));
      }
    }
    return out;
  }

  static List<Period> yearPeriods(int year) {
    return List.of(
        new Period(year, Period.Kind.QUARTER, 1),
        new Period(year, Period.Kind.HALF, 1),
        new Period(year, Period.Kind.NINE_MONTHS, 1),
        new Period(year, Period.Kind.YEAR, 1));
  }

  /** The latest of the bloc's year's periods that has ended, or its first quarter. */
  private Period defaultPeriod(BlocView bloc) {
    LocalDate today = LocalDate.now(clock);
    Period best = yearPeriods(bloc.year()).get(0);
    for (Period p : yearPeriods(bloc.year())) {
      if (p.lastDay().isBefore(today)) {
        best = p;
      }
    }
    return best;
  }

  private static @Nullable IndicatorFigures find(BlocSummary s, String code) {
    return s.indicators().stream().filter(i -> i.indicator().equals(code)).findFirst().orElse(null);
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
