package org.laurel.reward;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.laurel.access.Access;
import org.laurel.access.Actor;
import org.laurel.audit.AuditLog;
import org.laurel.organisation.Units;
import org.laurel.shared.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The reward fund (quỹ thi đua, khen thưởng): per year, the income the secretariat enters (budget
 * allocations, with their source) and the payments of the awards granted by decisions (one per
 * award, when the decision is issued: coefficient × base salary in force on the decision date,
 * rounded up to 10,000 VND, see {@link AwardCatalogue#cash}), reversed when a later decision
 * revokes or replaces the award. Amounts are whole đồng (exact, no floating point). An entry is
 * never changed: a correction is a new entry.
 */
@Service
@Validated
public class RewardFund {

  public enum Kind {
    INCOME,
    PAYMENT,
    REVERSAL
  }

  /** Income entered by the secretariat: a budget allocation with its source. */
  public record NewIncome(
      @NotNull LocalDate entryDate,
      @NotNull @Positive @Max(1_000_000_000_000_000L) Long amountVnd,
      @NotBlank @Size(max = 300) String source,
      @Nullable @Size(max = 200) String reference) {}

  /**
   * One entry: income is positive, a payment negative, a reversal positive; payments carry how
   * their amount was computed.
   */
  public record Entry(
      long id,
      int year,
      Kind kind,
      LocalDate entryDate,
      long amountVnd,
      @Nullable String source,
      @Nullable String reference,
      @Nullable Long decisionId,
      @Nullable String decisionNumber,
      @Nullable Long awardId,
      @Nullable String awardCode,
      @Nullable String unitCode,
      @Nullable BigDecimal coefficient,
      @Nullable Long baseSalaryVnd,
      @Nullable LocalDate baseSalaryFrom,
      String createdBy) {}

  /** Paid out (net of reversals) under one award type or to one unit. */
  public record Total(String key, String name, long awards, long paidVnd) {}

  /** A year's ledger: entries, income, net payments, the balance, and totals. */
  public record Ledger(
      int year,
      List<Entry> entries,
      long incomeVnd,
      long paidVnd,
      long balanceVnd,
      List<Total> byAwardType,
      List<Total> byUnit) {}

  private final JdbcClient jdbc;
  private final Access access;
  private final AuditLog audit;
  private final AwardCatalogue catalogue;
  private final Units units;

  RewardFund(
      JdbcClient jdbc, Access access, AuditLog audit, AwardCatalogue catalogue, Units units) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
    this.catalogue = catalogue;
    this.units = units;
  }

  /** Enters income (the secretariat). */
  @Transactional
  public Entry income(@Valid NewIncome cmd) {
    Actor actor = access.requireSecretariat();
    int year = cmd.entryDate().getYear();
    if (year < 2000 || year > 2100) {
      throw new InvalidInputException("entryDate", "error.fund.year", cmd.entryDate());
    }
    long id =
        jdbc.sql(
                """
                insert into fund_entry(year, kind, entry_date, amount_vnd, source, reference,
                                       created_by)
                values (?, 'INCOME', ?, ?, ?, ?, ?) returning id""")
            .params(
                year,
                Date.valueOf(cmd.entryDate()),
                cmd.amountVnd(),
                cmd.source().trim(),
                AwardHistory.blank(cmd.reference()),
                actor.username())
            .query(Long.class)
            .single();
    Entry e = entry(id);
    audit.record("fund.income", "fund_entry", Long.toString(id), null, e);
    return e;
  }

  /** The payment of an award a decision grants: minus its cash. */
  Entry pay(long decisionId, LocalDate decidedOn, AwardRecord award, AwardCatalogue.Cash cash) {
    long id =
        jdbc.sql(
                """
                insert into fund_entry(year, kind, entry_date, amount_vnd, decision_id, award_id,
                                       award_code, unit_id, coefficient, base_salary_vnd,
                                       base_salary_from, created_by)
                values (?, 'PAYMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
            .params(
                decidedOn.getYear(),
                Date.valueOf(decidedOn),
                -cash.amountVnd(),
                decisionId,
                award.id(),
                award.awardCode(),
                award.unitId(),
                cash.coefficient(),
                cash.baseSalaryVnd(),
                Date.valueOf(cash.baseSalaryFrom()),
                Access.current().username())
            .query(Long.class)
            .single();
    return entry(id);
  }

  /**
   * Reverses the payment of an award a later decision withdraws (nothing when the award was never
   * paid through the fund, e.g. imported from past years).
   */
  @Nullable Entry reverse(long decisionId, LocalDate decidedOn, long awardId) {
    List<Long> ids =
        jdbc.sql(
                """
                insert into fund_entry(year, kind, entry_date, amount_vnd, decision_id, award_id,
                                       award_code, unit_id, coefficient, base_salary_vnd,
                                       base_salary_from, created_by)
                select ?, 'REVERSAL', ?, -amount_vnd, ?, award_id, award_code, unit_id,
                       coefficient, base_salary_vnd, base_salary_from, ?
                from fund_entry where award_id = ? and kind = 'PAYMENT' returning id""")
            .params(
                decidedOn.getYear(),
                Date.valueOf(decidedOn),
                decisionId,
                Access.current().username(),
                awardId)
            .query(Long.class)
            .list();
    return ids.isEmpty() ? null : entry(ids.get(0));
  }

  @Transactional(readOnly = true)
  public Ledger ledger(int year) {
    List<Entry> entries =
        jdbc.sql(SELECT + " where f.year = ? order by f.entry_date, f.id")
            .param(year)
            .query(mapper(AwardHistory.unitCodes(units)))
            .list();
    long income = 0;
    long paid = 0;
    Map<String, long[]> byType = new LinkedHashMap<>();
    Map<String, long[]> byUnit = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.kind() == Kind.INCOME) {
        income += e.amountVnd();
        continue;
      }
      paid -= e.amountVnd();
      int count = e.kind() == Kind.PAYMENT ? 1 : -1;
      add(byType, String.valueOf(e.awardCode()), count, -e.amountVnd());
      add(byUnit, String.valueOf(e.unitCode()), count, -e.amountVnd());
    }
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> typeNames = catalogue.names(locale);
    Map<String, String> unitNames = AwardHistory.unitNames(units);
    return new Ledger(
        year,
        entries,
        income,
        paid,
        income - paid,
        totals(byType, typeNames),
        totals(byUnit, unitNames));
  }

  /** The years that have entries, newest first. */
  @Transactional(readOnly = true)
  public List<Integer> years() {
    return jdbc.sql("select distinct year from fund_entry order by year desc")
        .query(Integer.class)
        .list();
  }

  private static void add(Map<String, long[]> totals, String key, int count, long amount) {
    long[] t = totals.computeIfAbsent(key, k -> new long[2]);
    t[0] += count;
    t[1] += amount;
  }

  private static List<Total> totals(Map<String, long[]> totals, Map<String, String> names) {
    List<Total> out = new ArrayList<>();
    totals.forEach((k, v) -> out.add(new Total(k, names.getOrDefault(k, k), v[0], v[1])));
    out.sort(Comparator.comparingLong(Total::paidVnd).reversed().thenComparing(Total::key));
    return out;
  }

  private static final String SELECT =
      """
      select f.*, d.number_text from fund_entry f left join decision d on d.id = f.decision_id""";

  private Entry entry(long id) {
    return jdbc.sql(SELECT + " where f.id = ?")
        .param(id)
        .query(mapper(AwardHistory.unitCodes(units)))
        .single();
  }

  private static org.springframework.jdbc.core.RowMapper<Entry> mapper(
      java.util.function.LongFunction<String> unitCodes) {
    return (rs, n) -> map(rs, unitCodes);
  }

  private static Entry map(ResultSet rs, java.util.function.LongFunction<String> unitCodes)
      throws SQLException {
    long unit = rs.getLong("unit_id");
    boolean noUnit = rs.wasNull();
    Date from = rs.getDate("base_salary_from");
    return new Entry(
        rs.getLong("id"),
        rs.getInt("year"),
        Kind.valueOf(rs.getString("kind")),
        rs.getDate("entry_date").toLocalDate(),
        rs.getLong("amount_vnd"),
        rs.getString("source"),
        rs.getString("reference"),
        longOrNull(rs, "decision_id"),
        rs.getString("number_text"),
        longOrNull(rs, "award_id"),
        rs.getString("award_code"),
        noUnit ? null : unitCodes.apply(unit),
        rs.getBigDecimal("coefficient"),
        longOrNull(rs, "base_salary_vnd"),
        from == null ? null : from.toLocalDate(),
        rs.getString("created_by"));
  }

  private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
