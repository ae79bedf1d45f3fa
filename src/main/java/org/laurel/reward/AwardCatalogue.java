package org.laurel.reward;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.laurel.reward.AwardType.Decider;
import org.laurel.reward.AwardType.Form;
import org.laurel.reward.AwardType.Level;
import org.laurel.reward.AwardType.Recipient;
import org.laurel.shared.InvalidInputException;
import org.laurel.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The award catalogue (seeded with the Vietnamese titles and forms of reward) and the base salary
 * table that turns an award's coefficient into its cash amount on a decision date.
 */
@Service
public class AwardCatalogue {

  /** A base salary and the day it took effect. */
  public record BaseSalary(LocalDate effectiveFrom, long amountVnd, String source) {}

  /** The cash that goes with an award decided on a day. */
  public record Cash(
      String awardCode,
      LocalDate decisionDate,
      BigDecimal coefficient,
      long baseSalaryVnd,
      LocalDate baseSalaryFrom,
      long amountVnd) {}

  /**
   * Cash amounts are rounded up to the next 10,000 VND (Decree 91/2017 art. 74, kept in 98/2023).
   */
  static final long ROUND_TO = 10_000;

  private final JdbcClient jdbc;

  AwardCatalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The catalogue, read once: award types are seeded and changed only by migrations, which run
   * before an instance starts serving, so every instance's copy stays current.
   */
  private volatile @Nullable List<AwardType> cached;

  private volatile java.util.Map<String, AwardType> byCode = java.util.Map.of();

  @Transactional(readOnly = true)
  public List<AwardType> types() {
    List<AwardType> all = cached;
    if (all == null) {
      all =
          List.copyOf(
              jdbc.sql("select * from award_type order by sort").query(AwardCatalogue::map).list());
      java.util.Map<String, AwardType> codes = new java.util.HashMap<>();
      all.forEach(t -> codes.put(t.code(), t));
      byCode = java.util.Map.copyOf(codes);
      cached = all;
    }
    return all;
  }

  @Transactional(readOnly = true)
  public Optional<AwardType> find(String code) {
    types();
    return Optional.ofNullable(byCode.get(code));
  }

  @Transactional(readOnly = true)
  public AwardType get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("error.award.unknown", code));
  }

  /** Every award's name in a language, by code, in the catalogue's order. */
  @Transactional(readOnly = true)
  public java.util.Map<String, String> names(java.util.Locale locale) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    types().forEach(t -> out.put(t.code(), t.name(locale)));
    return out;
  }

  /** The award type for a field of a command: an unknown code is that field's error. */
  AwardType require(String field, String code) {
    return find(code)
        .orElseThrow(() -> new InvalidInputException(field, "error.award.unknown", code));
  }

  @Transactional(readOnly = true)
  public List<BaseSalary> baseSalaries() {
    return jdbc.sql("select * from base_salary order by effective_from")
        .query(
            (rs, n) ->
                new BaseSalary(
                    rs.getDate("effective_from").toLocalDate(),
                    rs.getLong("amount_vnd"),
                    rs.getString("source")))
        .list();
  }

  /** The base salary in force on a day. */
  @Transactional(readOnly = true)
  public BaseSalary baseSalaryOn(LocalDate day) {
    return baseSalaries().stream()
        .filter(b -> !b.effectiveFrom().isAfter(day))
        .reduce((a, b) -> b)
        .orElseThrow(
            () -> new InvalidInputException("decisionDate", "error.award.noBaseSalary", day));
  }

  /** Coefficient × base salary on the decision date, rounded up to 10,000 VND. */
  @Transactional(readOnly = true)
  public Cash cash(String awardCode, LocalDate decisionDate) {
    AwardType t = get(awardCode);
    BaseSalary base = baseSalaryOn(decisionDate);
    BigDecimal raw = t.cashCoefficient().multiply(BigDecimal.valueOf(base.amountVnd()));
    long amount =
        raw.divide(BigDecimal.valueOf(ROUND_TO), 0, RoundingMode.CEILING).longValueExact()
            * ROUND_TO;
    return new Cash(
        awardCode,
        decisionDate,
        t.cashCoefficient(),
        base.amountVnd(),
        base.effectiveFrom(),
        amount);
  }

  static AwardType map(ResultSet rs, int n) throws SQLException {
    return new AwardType(
        rs.getString("code"),
        rs.getString("name_vi"),
        rs.getString("name_en"),
        Level.valueOf(rs.getString("level")),
        Recipient.valueOf(rs.getString("recipient")),
        Form.valueOf(rs.getString("form")),
        rs.getString("proposer"),
        Decider.valueOf(rs.getString("decider")),
        rs.getBigDecimal("cash_coefficient"),
        rs.getBoolean("upward"));
  }
}
