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

  /** How the figures of several units add up. */
  public enum Aggregation {
    SUM,
    AVERAGE,
    WEIGHTED_AVERAGE,
    LAST
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
