package org.laurel.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.laurel.indicator.BlocSummary.IndicatorFigures;
import org.laurel.indicator.BlocSummary.MemberFigures;
import org.laurel.indicator.TableWriter.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The bloc table and a report as flat tables, with headers in the reader's language, for {@link
 * TableWriter} to write as CSV or XLSX. They read what the JSON endpoints read.
 */
@Service
class Exports {

  private final Summaries summaries;
  private final Reports reports;
  private final MessageSource messages;

  Exports(Summaries summaries, Reports reports, MessageSource messages) {
    this.summaries = summaries;
    this.reports = reports;
    this.messages = messages;
  }

  /**
   * Per indicator, first the bloc's row (total, estimate, percent of estimate, same period last
   * year, growth), then one row per member with its rank.
   */
  Table bloc(long blocId, Period period, Locale locale) {
    BlocSummary s = summaries.bloc(blocId, period, locale);
    List<String> header =
        header(
            locale,
            "indicator",
            "indicatorName",
            "measure",
            "unit",
            "unitName",
            "value",
            "estimate",
            "percentOfEstimate",
            "samePeriodLastYear",
            "growthPercent",
            "rank");
    List<List<@Nullable Object>> rows = new ArrayList<>();
    String whole = msg(locale, "export.wholeBloc");
    for (IndicatorFigures i : s.indicators()) {
      String measure = msg(locale, "export.measure." + i.measure().name());
      rows.add(
          row(
              i.indicator(),
              i.name(),
              measure,
              s.bloc(),
              whole,
              i.total(),
              i.estimate(),
              i.percentOfEstimate(),
              i.samePeriodLastYear(),
              i.growthPercent(),
              null));
      for (MemberFigures m : i.members()) {
        rows.add(
            row(
                i.indicator(),
                i.name(),
                measure,
                m.unit(),
                m.name(),
                m.value(),
                m.estimate(),
                m.percentOfEstimate(),
                m.samePeriodLastYear(),
                m.growthPercent(),
                m.rank()));
      }
    }
    return new Table(s.bloc() + " " + s.period(), header, rows);
  }

  /** One row per indicator of the catalogue, with the report's value beside last year's. */
  Table report(String unit, String period, Locale locale) {
    ReportView r = reports.get(unit, period, locale);
    List<String> header =
        header(
            locale,
            "unit",
            "unitName",
            "period",
            "status",
            "indicator",
            "indicatorName",
            "measure",
            "value",
            "samePeriodLastYear",
            "estimate",
            "percentOfEstimate",
            "comment");
    String status = msg(locale, "export.status." + r.status().name());
    List<List<@Nullable Object>> rows = new ArrayList<>();
    for (ReportView.Line l : r.lines()) {
      rows.add(
          row(
              r.unit(),
              r.unitName(),
              r.period(),
              status,
              l.indicator(),
              l.name(),
              msg(locale, "export.measure." + l.measure().name()),
              l.value(),
              l.lastYear(),
              l.estimate(),
              Summaries.percent(l.value(), l.estimate()),
              l.comment()));
    }
    return new Table(r.unit() + " " + r.period(), header, rows);
  }

  private List<String> header(Locale locale, String... columns) {
    return Arrays.stream(columns).map(c -> msg(locale, "export.column." + c)).toList();
  }

  private String msg(Locale locale, String key) {
    return messages.getMessage(key, null, key, locale);
  }

  private static List<@Nullable Object> row(@Nullable Object... cells) {
    return Arrays.asList(cells);
  }
}
