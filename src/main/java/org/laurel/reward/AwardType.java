package org.laurel.reward;

import java.math.BigDecimal;

/**
 * An emulation title or form of reward in the catalogue: at a level, for one kind of recipient,
 * proposed by one level and decided by an authority, with its cash amount as a coefficient of the
 * base salary in force on the decision date.
 */
public record AwardType(
    String code,
    String nameVi,
    String nameEn,
    Level level,
    Recipient recipient,
    Form form,
    String proposer,
    Decider decider,
    BigDecimal cashCoefficient,
    boolean upward) {

  public enum Level {
    GRASSROOTS,
    DISTRICT,
    PROVINCIAL,
    NATIONAL
  }

  /** Who receives it: a person, a collective (a unit), or a household. */
  public enum Recipient {
    INDIVIDUAL,
    COLLECTIVE,
    HOUSEHOLD
  }

  /** Danh hiệu thi đua (title) or hình thức khen thưởng (merit, order, medal). */
  public enum Form {
    TITLE,
    MERIT,
    ORDER,
    MEDAL
  }

  public enum Decider {
    UNIT_HEAD,
    DISTRICT_CHAIR,
    PROVINCE_CHAIR,
    PRIME_MINISTER,
    PRESIDENT
  }

  /** The official Vietnamese name for Vietnamese readers, the English one for others. */
  public String name(java.util.Locale locale) {
    return "vi".equals(locale.getLanguage()) ? nameVi : nameEn;
  }
}
