package org.laurel.indicator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IndicatorRepository {

  private final JdbcClient jdbc;

  IndicatorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Indicator> all() {
    return jdbc.sql("select * from indicator order by sort_order, code")
        .query(IndicatorRepository::map)
        .list();
  }

  Optional<Indicator> byCode(String code) {
    return jdbc.sql("select * from indicator where code = ?")
        .param(code)
        .query(IndicatorRepository::map)
        .optional();
  }

  /** A check between two indicators of one report: value(indicator) op factor × value(other). */
  record CrossRule(
      long indicatorId,
      String indicator,
      String op,
      BigDecimal factor,
      long otherId,
      String other,
      ValidationIssue.Severity severity) {}

  List<CrossRule> crossRules() {
    return jdbc.sql(
            """
            select r.indicator_id, a.code, r.op, r.factor, r.other_id, b.code, r.severity
            from indicator_rule r join indicator a on a.id = r.indicator_id
            join indicator b on b.id = r.other_id order by r.id""")
        .query(
            (rs, n) ->
                new CrossRule(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getLong(5),
                    rs.getString(6),
                    ValidationIssue.Severity.valueOf(rs.getString(7))))
        .list();
  }

  /** Unit key of a value: (unit, indicator). */
  record Key(long unitId, long indicatorId) {}

  /**
   * Accepted values of the given units for a period of the given year that ends in {@code
   * endMonth}: the period's own report first; for a year-to-date indicator, any report ending in
   * the same month; for a stock ({@code LAST}), the latest report ending within the period, i.e.
   * the figure at its end. Between reports ending in the same month the shortest wins (M06 over Q2
   * over H1).
   */
  Map<Key, BigDecimal> acceptedValues(
      Collection<Long> unitIds, int year, int startMonth, int endMonth, String period) {
    Map<Key, BigDecimal> out = new HashMap<>();
    if (unitIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            """
            select distinct on (r.unit_id, v.indicator_id) r.unit_id, v.indicator_id, v.value
            from report r join report_value v on v.report_id = r.id
            join indicator i on i.id = v.indicator_id
            where r.unit_id = any(?) and r.year = ? and r.status = 'ACCEPTED'
              and (r.period = ? or (i.year_to_date and r.end_month = ?)
                   or (i.aggregation = 'LAST' and r.end_month between ? and ?))
            order by r.unit_id, v.indicator_id, (r.period = ?) desc, r.end_month desc,
              case when r.period like '%-M%' then 1 when r.period like '%-Q%' then 3
                   when r.period like '%-H%' then 6 when r.period like '%-9M' then 9 else 12 end""")
        .params(unitIds.toArray(Long[]::new), year, period, endMonth, startMonth, endMonth, period)
        .query(
            rs -> {
              out.put(new Key(rs.getLong(1), rs.getLong(2)), rs.getBigDecimal(3));
            });
    return out;
  }

  Map<Key, BigDecimal> estimates(Collection<Long> unitIds, int year) {
    Map<Key, BigDecimal> out = new HashMap<>();
    if (unitIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select unit_id, indicator_id, value from estimate where unit_id = any(?) and year = ?")
        .params(unitIds.toArray(Long[]::new), year)
        .query(
            rs -> {
              out.put(new Key(rs.getLong(1), rs.getLong(2)), rs.getBigDecimal(3));
            });
    return out;
  }

  void upsertEstimate(long unitId, long indicatorId, int year, BigDecimal value) {
    jdbc.sql(
            """
            insert into estimate(unit_id, indicator_id, year, value) values (?, ?, ?, ?)
            on conflict (unit_id, indicator_id, year) do update set value = excluded.value""")
        .params(unitId, indicatorId, year, value)
        .update();
  }

  static Indicator map(ResultSet rs, int n) throws SQLException {
    return new Indicator(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name_vi"),
        rs.getString("name_en"),
        rs.getString("name_de"),
        Indicator.Measure.valueOf(rs.getString("measure")),
        Indicator.Aggregation.valueOf(rs.getString("aggregation")),
        rs.getString("weight_code"),
        Indicator.Direction.valueOf(rs.getString("direction")),
        rs.getBoolean("year_to_date"),
        rs.getBoolean("may_decrease"),
        Indicator.WorkArea.valueOf(rs.getString("work_area")),
        rs.getBigDecimal("min_value"),
        rs.getBigDecimal("max_value"),
        rs.getBoolean("required"),
        rs.getInt("sort_order"));
  }
}
