package org.laurel.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Figures as the pages show them, in the user's language: {@code 14.104,5} in Vietnamese and
 * German, {@code 14,104.5} in English; percentages with one decimal ({@code 72,0 %}); periods by
 * name ({@code 6 tháng đầu năm 2024}). Used from the templates as {@code @figures}.
 */
@Component("figures")
public final class Figures {

  private final MessageSource messages;

  Figures(MessageSource messages) {
    this.messages = messages;
  }

  /** A value with up to two decimals, grouped; a dash when there is none. */
  public String number(@Nullable BigDecimal value) {
    if (value == null) {
      return "–";
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    f.setMinimumFractionDigits(0);
    f.setMaximumFractionDigits(2);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  /** A value with its unit of measure: {@code 14.104,5 tỷ đồng}, {@code 95,3 %}. */
  public String withMeasure(@Nullable BigDecimal value, Indicator.Measure measure) {
    if (value == null) {
      return "–";
    }
    return number(value) + " " + measure(measure);
  }

  public String measure(Indicator.Measure measure) {
    return msg("indicator.measure." + measure.name());
  }

  /** A percentage with one decimal: {@code 72,0 %}. */
  public String percent(@Nullable BigDecimal value) {
    if (value == null) {
      return "–";
    }
    return fixed(value) + " %";
  }

  /** A change in percent, signed: {@code +38,9 %}, {@code −2,1 %}. */
  public String growth(@Nullable BigDecimal value) {
    if (value == null) {
      return "–";
    }
    String s = fixed(value.abs());
    return (value.signum() > 0 ? "+" : value.signum() < 0 ? "−" : "") + s + " %";
  }

  /** A share such as 0.7 as {@code 70 %}. */
  public String share(BigDecimal share) {
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    f.setMaximumFractionDigits(1);
    return f.format(share.multiply(BigDecimal.valueOf(100))) + " %";
  }

  /** Where a rebuilt figure came from: {@code HP.TK.A 70 %, HP.TK.B 100 %}. */
  public String sources(java.util.List<BlocSummary.Source> sources) {
    return sources.stream()
        .map(s -> s.unit() + " " + share(s.share()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The name of a period: {@code Quý 1/2024}, {@code 6 tháng đầu năm 2024}, {@code Năm 2024}. */
  public String period(String text) {
    return Period.parse(text).map(this::period).orElse(text);
  }

  String period(Period p) {
    String year = Integer.toString(p.year());
    return switch (p.kind()) {
      case MONTH -> msg("indicator.period.MONTH", year, Integer.toString(p.index()));
      case QUARTER -> msg("indicator.period.QUARTER", year, Integer.toString(p.index()));
      case HALF -> msg("indicator.period.HALF" + p.index(), year);
      case NINE_MONTHS -> msg("indicator.period.NINE_MONTHS", year);
      case YEAR -> msg("indicator.period.YEAR", year);
    };
  }

  /** The short name of the period within its year, for a chart's axis: {@code Quý 1}, … */
  String shortPeriod(Period p) {
    return switch (p.kind()) {
      case MONTH -> msg("indicator.period.short.MONTH", Integer.toString(p.index()));
      case QUARTER -> msg("indicator.period.short.QUARTER", Integer.toString(p.index()));
      case HALF -> msg("indicator.period.short.HALF" + p.index());
      case NINE_MONTHS -> msg("indicator.period.short.NINE_MONTHS");
      case YEAR -> msg("indicator.period.short.YEAR");
    };
  }

  /** A date as the user's language writes it (the pattern is {@code unit.datePattern}). */
  public String date(@Nullable LocalDate day) {
    if (day == null) {
      return "–";
    }
    return DateTimeFormatter.ofPattern(
            messages.getMessage("unit.datePattern", null, "yyyy-MM-dd", locale()))
        .format(day);
  }

  /** A moment, in the server's time zone, with the date as {@link #date} writes it. */
  public String time(@Nullable Instant at) {
    if (at == null) {
      return "–";
    }
    var local = at.atZone(ZoneId.systemDefault());
    return date(local.toLocalDate()) + " " + DateTimeFormatter.ofPattern("HH:mm").format(local);
  }

  private String fixed(BigDecimal value) {
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
