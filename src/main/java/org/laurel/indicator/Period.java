package org.laurel.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a month ({@code 2024-M03}), quarter ({@code 2024-Q1}), half-year ({@code
 * 2024-H1}), nine months ({@code 2024-9M}) or year ({@code 2024}). Year-to-date figures of periods
 * that end in the same month are the same figure: 2024-H1, 2024-Q2 and 2024-M06.
 */
public record Period(int year, Kind kind, int index) implements Comparable<Period> {

  public enum Kind {
    MONTH,
    QUARTER,
    HALF,
    NINE_MONTHS,
    YEAR
  }

  private static final Pattern FORMAT =
      Pattern.compile("^(\\d{4})(?:-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])|(9M)))?$");

  public static Optional<Period> parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 2000 || year > 2100) {
      return Optional.empty();
    }
    if (m.group(2) != null) {
      return Optional.of(new Period(year, Kind.MONTH, Integer.parseInt(m.group(2))));
    }
    if (m.group(3) != null) {
      return Optional.of(new Period(year, Kind.QUARTER, Integer.parseInt(m.group(3))));
    }
    if (m.group(4) != null) {
      return Optional.of(new Period(year, Kind.HALF, Integer.parseInt(m.group(4))));
    }
    if (m.group(5) != null) {
      return Optional.of(new Period(year, Kind.NINE_MONTHS, 1));
    }
    return Optional.of(new Period(year, Kind.YEAR, 1));
  }

  public static Period of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a period: " + text));
  }

  /** The last month the period covers, 1–12. */
  public int endMonth() {
    return switch (kind) {
      case MONTH -> index;
      case QUARTER -> index * 3;
      case HALF -> index * 6;
      case NINE_MONTHS -> 9;
      case YEAR -> 12;
    };
  }

  /** The first month the period covers, 1–12. */
  public int startMonth() {
    return switch (kind) {
      case MONTH -> index;
      case QUARTER -> index * 3 - 2;
      case HALF -> index * 6 - 5;
      case NINE_MONTHS, YEAR -> 1;
    };
  }

  public LocalDate lastDay() {
    return YearMonth.of(year, endMonth()).atEndOfMonth();
  }

  public Period samePeriodLastYear() {
    return new Period(year - 1, kind, index);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case MONTH -> "%d-M%02d".formatted(year, index);
      case QUARTER -> year + "-Q" + index;
      case HALF -> year + "-H" + index;
      case NINE_MONTHS -> year + "-9M";
      case YEAR -> Integer.toString(year);
    };
  }

  @Override
  public int compareTo(Period o) {
    int c = Integer.compare(year, o.year);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(endMonth(), o.endMonth());
    return c != 0 ? c : Integer.compare(o.endMonth() - o.startMonth(), endMonth() - startMonth());
  }
}
