package org.laurel.indicator;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** An entry of the indicator catalogue. */
public record Indicator(
    long id,
    String code,
    String nameVi,
    String nameEn,
    String nameDe,
    Measure measure,
    Aggregation aggregation,
    @Nullable String weightCode,
    Direction direction,
    boolean yearToDate,
    boolean mayDecrease,
    WorkArea workArea,
    @Nullable BigDecimal minValue,
    @Nullable BigDecimal maxValue,
    boolean required,
    int sortOrder) {

  public enum Measure {
    BILLION_VND,
    MILLION_VND,
    PERCENT,
    COUNT,
    PERSON,
    HOUSEHOLD,
    HECTARE,
    TONNE
  }

  /**
   * How figures add up. SUM: flows, added across units (and over time when reported year to date).
   * AVERAGE and WEIGHTED_AVERAGE: rates, averaged across units (weighted by another indicator).
   * LAST: stocks (e.g. enterprises in operation), a unit's figure for a period is the one at its
   * end, i.e. from its latest report ending within the period; stocks add up across units.
   */
  public enum Aggregation {
    SUM,
    AVERAGE,
    WEIGHTED_AVERAGE,
    LAST;

    /** Whether figures of several units add up (rather than average out). */
    public boolean adds() {
      return this == SUM || this == LAST;
    }
  }

  public enum Direction {
    HIGHER,
    LOWER
  }

  public enum WorkArea {
    ECONOMY,
    CULTURE_SOCIETY,
    DEFENCE_SECURITY,
    CITIZEN_COMPLAINTS,
    ADMIN_REFORM,
    GOVERNMENT_BUILDING,
    EMULATION
  }

  public String name(Locale locale) {
    return switch (locale.getLanguage()) {
      case "vi" -> nameVi;
      case "de" -> nameDe;
      default -> nameEn;
    };
  }
}
